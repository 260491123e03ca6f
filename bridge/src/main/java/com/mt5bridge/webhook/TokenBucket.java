package com.mt5bridge.webhook;

import java.time.InstantSource;

/**
 * A burst of takes at once, then a steady number a second, refilled by the millisecond of
 * {@code clock}. Tokens are counted in thousandths, so that a millisecond's refill is a whole number.
 */
final class TokenBucket {

  private static final long ONE = 1_000;

  private final InstantSource clock;
  private final long capacity;
  private final int perSecond;
  private long tokens;
  private long refilledAt;

  TokenBucket(int burst, int perSecond, InstantSource clock) {
    this.clock = clock;
    this.capacity = burst * ONE;
    this.perSecond = perSecond;
    this.tokens = capacity;
    this.refilledAt = clock.millis();
  }

  synchronized boolean take() {
    long now = clock.millis();
    tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) * perSecond);
    refilledAt = Math.max(refilledAt, now);
    if (tokens >= ONE) {
      tokens -= ONE;
      return true;
    }
    return false;
  }
}
