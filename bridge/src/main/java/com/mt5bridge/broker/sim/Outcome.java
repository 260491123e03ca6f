package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one operation of a {@link VirtualBroker} changed: its deals, the last state of each order and
 * position it touched, and the price a position closed at. The broker turns it into events in MT5's
 * fixed order when the operation ends.
 */
final class Outcome {
  final List<Deal> deals = new ArrayList<>();
  final Map<Long, Order> orders = new LinkedHashMap<>();
  final Map<Long, OpenPosition> positions = new LinkedHashMap<>();
  final Map<Long, BigDecimal> closePrices = new HashMap<>();
  boolean changed;

  void deal(Deal deal) {
    deals.add(deal);
    changed = true;
  }

  void order(Order order) {
    orders.put(order.ticket(), order);
    changed = true;
  }

  void position(OpenPosition position) {
    positions.put(position.ticket(), position);
    changed = true;
  }

  void closed(OpenPosition position, BigDecimal price) {
    positions.put(position.ticket(), position);
    closePrices.put(position.ticket(), price);
    changed = true;
  }

  void touch() {
    changed = true;
  }
}
