package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Order;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Pending orders by the instant they expire (epoch ms on the account clock), so that a tick checks
 * one number: {@link #next()}. GTC orders are not held.
 */
final class ExpiryIndex {

  private final AccountClock days;
  private final TreeMap<Long, LinkedHashSet<Long>> byTime = new TreeMap<>();
  private long next = Long.MAX_VALUE;

  ExpiryIndex(AccountClock days) {
    this.days = days;
  }

  /** The earliest expiry held, or Long.MAX_VALUE. */
  long next() {
    return next;
  }

  void add(Order order) {
    long expiresAt = days.expiresAt(order.expiration(), order.timeSetup());
    if (expiresAt != Long.MAX_VALUE) {
      byTime.computeIfAbsent(expiresAt, k -> new LinkedHashSet<>()).add(order.ticket());
      next = Math.min(next, expiresAt);
    }
  }

  void remove(Order order) {
    long expiresAt = days.expiresAt(order.expiration(), order.timeSetup());
    LinkedHashSet<Long> tickets = byTime.get(expiresAt);
    if (tickets != null) {
      tickets.remove(order.ticket());
      if (tickets.isEmpty()) {
        byTime.remove(expiresAt);
      }
    }
    next = byTime.isEmpty() ? Long.MAX_VALUE : byTime.firstKey();
  }

  /** Removes and returns the tickets expired at {@code now}, earliest first. */
  List<Long> takeDue(long now) {
    List<Long> due = new ArrayList<>();
    while (!byTime.isEmpty() && byTime.firstKey() <= now) {
      due.addAll(byTime.pollFirstEntry().getValue());
    }
    next = byTime.isEmpty() ? Long.MAX_VALUE : byTime.firstKey();
    return due;
  }
}
