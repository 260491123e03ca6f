package com.mt5bridge.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per strategy holding one minute's worth of signals, refilled continuously: a
 * burst up to the minute's allowance passes, a steady flood above it is held to the rate.
 */
final class RateLimiter {

  private record Key(String strategy, int perMinute) {}

  private static final class Bucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    Bucket(int perMinute, long now) {
      this.capacity = perMinute;
      this.perNano = perMinute / 60e9;
      this.tokens = perMinute;
      this.last = now;
    }

    synchronized boolean take(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

  /** True when the strategy may send one more signal now; {@code perMinute} 0 means no limit. */
  boolean allow(String strategy, int perMinute) {
    if (perMinute <= 0) {
      return true;
    }
    long now = System.nanoTime();
    return buckets.computeIfAbsent(new Key(strategy, perMinute), k -> new Bucket(perMinute, now)).take(now);
  }
}
