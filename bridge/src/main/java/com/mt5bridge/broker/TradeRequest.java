package com.mt5bridge.broker;

import java.math.BigDecimal;

/**
 * A request to trade, the same for every broker (SIM or LIVE). Prices of 0 mean "none", as in MT5:
 * no price for a market order, no stop-limit, no SL, no TP.
 */
public sealed interface TradeRequest {

  Source source();

  /** Buy or sell: a market order, or a pending LIMIT, STOP or STOP_LIMIT order. */
  record PlaceOrder(OrderType type, String symbol, BigDecimal volume, BigDecimal price, BigDecimal stopLimit,
      BigDecimal sl, BigDecimal tp, Expiration expiration, String comment, long magic, Source source)
      implements TradeRequest {}

  /** Close a position, or {@code volume} of it (null: all of it). */
  record ClosePosition(long position, BigDecimal volume, String comment, Source source) implements TradeRequest {}

  /** Hedging only: offset {@code position} against the opposite position {@code by}. */
  record CloseBy(long position, long by, String comment, Source source) implements TradeRequest {}

  /** New SL and TP for a position (0 removes one). */
  record ModifyPosition(long position, BigDecimal sl, BigDecimal tp, Source source) implements TradeRequest {}

  /** New price, stop-limit, SL, TP and expiration for a pending order. */
  record ModifyOrder(long order, BigDecimal price, BigDecimal stopLimit, BigDecimal sl, BigDecimal tp,
      Expiration expiration, Source source) implements TradeRequest {}

  /** Delete a pending order. */
  record CancelOrder(long order, Source source) implements TradeRequest {}
}
