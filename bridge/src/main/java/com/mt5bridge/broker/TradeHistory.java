package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The queries over what accounts did: their deals and their equity curve. */
public interface TradeHistory {

  /**
   * Deals of an account with {@code from <= time < to} (either may be null), the newest {@code limit}
   * oldest first.
   *
   * @param magic only the deals of this magic number (a strategy's), or null for all
   */
  List<Deal> deals(String account, Long magic, Instant from, Instant to, int limit);

  /** Profit, commission and swap of the deals of one magic number since {@code from}: a strategy's realized result. */
  BigDecimal realized(String account, long magic, Instant from);

  /**
   * Balance, equity and margin over time with {@code from <= time < to} (either may be null), the
   * newest {@code limit} oldest first. With a {@code step}, one point per step that has any: its
   * last, with the lowest and highest equity of the step. Steps are aligned to the Unix epoch, so
   * a step of a minute, an hour or a day is a whole one in UTC.
   *
   * @param step null for every point
   */
  List<EquityPoint> equity(String account, Instant from, Instant to, Duration step, int limit);

  /** @param equityLow the lowest equity of the point's step, null for a single point; {@code equityHigh} likewise */
  record EquityPoint(Instant time, BigDecimal balance, BigDecimal equity, BigDecimal margin, BigDecimal equityLow,
      BigDecimal equityHigh) {

    public EquityPoint(Instant time, BigDecimal balance, BigDecimal equity, BigDecimal margin) {
      this(time, balance, equity, margin, null, null);
    }
  }
}
