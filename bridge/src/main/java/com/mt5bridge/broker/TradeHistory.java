package com.mt5bridge.broker;

import java.time.Instant;
import java.util.List;

/** The queries over what accounts did: their deals and their equity curve. */
public interface TradeHistory {

  /** Deals of an account with {@code from <= time < to} (either may be null), oldest first, at most {@code limit}. */
  List<Deal> deals(String account, Instant from, Instant to, int limit);

  /** Profit, commission and swap of the deals of one magic number since {@code from}: a strategy's realized result. */
  java.math.BigDecimal realized(String account, long magic, Instant from);

  /** Balance, equity and margin over time. */
  List<EquityPoint> equity(String account, Instant from, Instant to, int limit);

  record EquityPoint(Instant time, java.math.BigDecimal balance, java.math.BigDecimal equity,
      java.math.BigDecimal margin) {}
}
