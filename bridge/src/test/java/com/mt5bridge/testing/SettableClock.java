package com.mt5bridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A wall clock a test moves by hand: system time plus an offset the test adds to. */
public final class SettableClock implements InstantSource {

  private volatile Duration offset = Duration.ZERO;

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }
}
