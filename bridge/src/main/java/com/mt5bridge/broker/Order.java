package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/** An MT5 order: pending (PLACED) or history. Replaced, never mutated, when it changes. */
public record Order(long ticket, String symbol, OrderType type, OrderState state, BigDecimal volumeInitial,
    BigDecimal volumeCurrent, BigDecimal priceOpen, BigDecimal stopLimit, BigDecimal sl, BigDecimal tp,
    Expiration expiration, long positionId, long positionById, DealReason reason, long magic, String comment,
    Instant timeSetup, Instant timeDone, String signalId) {

  public Order withState(OrderState newState, Instant time) {
    return new Order(ticket, symbol, type, newState, volumeInitial, volumeCurrent, priceOpen, stopLimit, sl, tp,
        expiration, positionId, positionById, reason, magic, comment, timeSetup, time, signalId);
  }
}
