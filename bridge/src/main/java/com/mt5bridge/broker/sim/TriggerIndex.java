package com.mt5bridge.broker.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Tickets waiting for the price to reach their level, in one direction: {@code AT_OR_BELOW} fires
 * when the price is at or below the level (a long's SL, a sell stop), {@code AT_OR_ABOVE} when it is
 * at or above (a long's TP, a sell limit).
 *
 * <p>Invariants: every ticket is held at most once; {@link #threshold} is the level nearest the
 * market (the highest level for AT_OR_BELOW, the lowest for AT_OR_ABOVE), or a sentinel no price
 * reaches when empty. So {@link #fires(long)} is one comparison, whatever the number of entries;
 * adding, removing and taking fired entries are O(log n) per level.
 */
final class TriggerIndex {

  enum Direction { AT_OR_BELOW, AT_OR_ABOVE }

  private final Direction direction;
  private final TreeMap<Long, LinkedHashSet<Long>> levels = new TreeMap<>();
  private long threshold;
  private int size;

  TriggerIndex(Direction direction) {
    this.direction = direction;
    this.threshold = empty();
  }

  /** True when {@code price} reaches at least one level. The tick path's only cost when nothing fires. */
  boolean fires(long price) {
    return direction == Direction.AT_OR_BELOW ? price <= threshold : price >= threshold;
  }

  void add(long level, long ticket) {
    if (levels.computeIfAbsent(level, k -> new LinkedHashSet<>()).add(ticket)) {
      size++;
      if (direction == Direction.AT_OR_BELOW ? level > threshold : level < threshold) {
        threshold = level;
      }
    }
  }

  void remove(long level, long ticket) {
    LinkedHashSet<Long> tickets = levels.get(level);
    if (tickets != null && tickets.remove(ticket)) {
      size--;
      if (tickets.isEmpty()) {
        levels.remove(level);
        if (level == threshold) {
          threshold = nearest();
        }
      }
    }
  }

  /**
   * Removes and returns the tickets whose level {@code price} reaches, nearest the market first, and
   * within one level in the order they were added.
   */
  List<Long> takeFired(long price) {
    List<Long> fired = new ArrayList<>();
    NavigableMap<Long, LinkedHashSet<Long>> reached = direction == Direction.AT_OR_BELOW
        ? levels.tailMap(price, true).descendingMap()
        : levels.headMap(price, true);
    Iterator<Map.Entry<Long, LinkedHashSet<Long>>> it = reached.entrySet().iterator();
    while (it.hasNext()) {
      LinkedHashSet<Long> tickets = it.next().getValue();
      fired.addAll(tickets);
      size -= tickets.size();
      it.remove();
    }
    threshold = nearest();
    return fired;
  }

  int size() {
    return size;
  }

  private long nearest() {
    if (levels.isEmpty()) {
      return empty();
    }
    return direction == Direction.AT_OR_BELOW ? levels.lastKey() : levels.firstKey();
  }

  private long empty() {
    return direction == Direction.AT_OR_BELOW ? Long.MIN_VALUE : Long.MAX_VALUE;
  }
}
