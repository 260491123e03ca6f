package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/** An MT5 deal: what actually happened to the account. Never changes once made. */
public record Deal(long ticket, long order, long position, String symbol, DealType type, DealEntry entry,
    BigDecimal volume, BigDecimal price, BigDecimal profit, BigDecimal commission, BigDecimal swap,
    DealReason reason, long magic, String comment, Instant time, String signalId) {}
