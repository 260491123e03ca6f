package com.mt5bridge.broker;

import java.time.Instant;

/** When a pending order stops being active; {@code time} only for SPECIFIED and SPECIFIED_DAY. */
public record Expiration(ExpirationType type, Instant time) {

  public static final Expiration GTC = new Expiration(ExpirationType.GTC, null);

  public Expiration {
    if (type == null) {
      type = ExpirationType.GTC;
    }
  }
}
