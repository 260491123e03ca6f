package com.mt5bridge.webhook;

import java.time.Duration;
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

    /** Takes a token: 0 when there was one, else the nanoseconds until there is. */
    synchronized long take(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }

  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Zero when the strategy may send one more signal now, else how long until it may; {@code perMinute}
   * 0 means no limit.
   */
  Duration admit(String strategy, int perMinute) {
    if (perMinute <= 0) {
      return Duration.ZERO;
    }
    long now = System.nanoTime();
    return Duration.ofNanos(
        buckets.computeIfAbsent(new Key(strategy, perMinute), k -> new Bucket(perMinute, now)).take(now));
  }
}
