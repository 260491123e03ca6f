package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * How an account is set up: fixed at creation. {@code balance} is the initial deposit.
 * {@code marginCall} and {@code stopOut} are percentages of margin level in PERCENT mode and equity
 * amounts in MONEY mode.
 */
public record AccountSettings(String id, AccountMode mode, MarginMode marginMode, String currency,
    BigDecimal balance, int leverage, StopOutMode stopOutMode, BigDecimal marginCall, BigDecimal stopOut,
    BigDecimal commissionPerLot, Long login, List<SymbolSpec> symbols, Policies policies) {

  public AccountSettings {
    symbols = List.copyOf(symbols);
    if (policies == null) {
      policies = Policies.DEFAULT;
    }
  }

  /**
   * The choices MT5 leaves to the broker. Defaults: opposite hedged positions pay margin for the
   * larger leg only; currency conversion uses the mid price of the linking pair; the trading day is
   * UTC's.
   *
   * @param serverTimeZone the time zone of the broker's server: its midnight ends the trading day (swaps
   *     roll over, DAY orders expire, strategies' daily loss starts again). Many brokers keep
   *     Eastern European time, so that their day ends at 17:00 New York time.
   */
  public record Policies(HedgedMargin hedgedMargin, ConversionPrice conversionPrice, ZoneId serverTimeZone) {
    /** UTC by its name (ZoneOffset.UTC would show as "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");
    public static final Policies DEFAULT = new Policies(HedgedMargin.LARGER_LEG, ConversionPrice.MID, UTC);

    public Policies {
      if (serverTimeZone == null) {
        serverTimeZone = UTC;
      }
    }
  }

  /** Margin of opposite positions on one symbol in a HEDGING account. */
  public enum HedgedMargin { LARGER_LEG, SUM }

  /** Which price of the linking pair converts money between currencies. */
  public enum ConversionPrice { MID, BID, ASK }
}
