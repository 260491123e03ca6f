package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price: bid and ask of a symbol at a time (UTC, millisecond precision). The time is null only on
 * a feed's tick on its way into {@link TickHub#publish}, which stamps it.
 */
public record Tick(String symbol, BigDecimal bid, BigDecimal ask, Instant time) {}
