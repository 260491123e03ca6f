package com.mt5bridge.broker;

import java.time.ZoneId;
import java.util.List;

/** An account's state at one moment, for readers: immutable, built by the account's own thread. */
public record AccountSnapshot(String id, AccountMode mode, MarginMode marginMode, String currency, int leverage,
    ZoneId serverTimeZone, AccountFigures figures, boolean connected, long latencyMs, List<Position> positions,
    List<Order> orders) {}
