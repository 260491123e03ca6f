package com.mt5bridge.strategy;

import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.TradingDesk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A strategy's trading day so far, as its {@code maxDailyLoss} sees it: what its deals realized since
 * the day began (the account's server time), what its open positions float, and how much more it may
 * lose before its entries are held back.
 *
 * @param lossLeft {@code maxDailyLoss} plus the day's result; at 0 or below, entries are refused; null
 *     when the strategy has no daily loss limit
 */
public record StrategyDay(String strategy, String account, String currency, LocalDate day, Instant dayStart,
    BigDecimal realized, BigDecimal floating, BigDecimal result, BigDecimal maxDailyLoss, BigDecimal lossLeft,
    int positions, int orders) {

  /** Read on the account's thread, where {@link DailyResults} keeps the account's strategies. */
  static StrategyDay of(TradingDesk desk, Strategy strategy, DailyResults daily) {
    Instant now = desk.clock();
    ZoneId zone = desk.serverTimeZone();
    LocalDate day = LocalDate.ofInstant(now, zone);
    BigDecimal realized = realized(desk, strategy, daily);
    Selection own = own(strategy);
    List<Position> open = desk.positions(own);
    BigDecimal floating = floating(open);
    BigDecimal result = realized.add(floating);
    BigDecimal limit = strategy.limits().maxDailyLoss();
    int cents = desk.figures().balance().scale();
    return new StrategyDay(strategy.id(), desk.account(), desk.currency(), day, day.atStartOfDay(zone).toInstant(),
        money(realized, cents), money(floating, cents), money(result, cents), limit,
        limit.signum() > 0 ? money(limit.add(result), cents) : null, open.size(), desk.orders(own).size());
  }

  /**
   * The day's result alone, as {@code maxDailyLoss} compares it on every entry: {@link #of} without
   * what only the API shows (the pending orders counted, the amounts scaled for display).
   */
  static BigDecimal result(TradingDesk desk, Strategy strategy, DailyResults daily) {
    return realized(desk, strategy, daily).add(floating(desk.positions(own(strategy))));
  }

  private static BigDecimal realized(TradingDesk desk, Strategy strategy, DailyResults daily) {
    return daily.today(desk.account(), strategy.magic(), desk.clock(), desk.serverTimeZone());
  }

  private static Selection own(Strategy strategy) {
    return new Selection(null, null, strategy.magic());
  }

  private static BigDecimal floating(List<Position> open) {
    BigDecimal floating = BigDecimal.ZERO;
    for (Position position : open) {
      floating = floating.add(position.profit()).add(position.swap());
    }
    return floating;
  }

  /** Shown as the account shows money ("0.00", not "0"); never rounded, as every amount is already in cents. */
  private static BigDecimal money(BigDecimal amount, int cents) {
    return amount.setScale(Math.max(cents, amount.scale()), RoundingMode.UNNECESSARY);
  }
}
