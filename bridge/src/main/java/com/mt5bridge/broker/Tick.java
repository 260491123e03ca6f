package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/** A price: bid and ask of a symbol at a time (UTC, millisecond precision). */
public record Tick(String symbol, BigDecimal bid, BigDecimal ask, Instant time) {}
