package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An account as a strategy works on it during one {@link Broker#perform} turn: what it holds, the
 * prices, MT5's profit calculation, and trading. Nothing else touches the account while the turn
 * lasts, so what it reads is still true when it trades.
 */
public interface TradingDesk {

  String account();

  MarginMode marginMode();

  /** The deposit currency. */
  String currency();

  /** The account's clock (the time of its latest price). */
  Instant clock();

  /** The time zone of the broker's server, whose midnight ends the trading day. */
  ZoneId serverTimeZone();

  AccountFigures figures();

  /** Commission charged per lot on every deal, in the deposit currency. */
  BigDecimal commissionPerLot();

  Optional<SymbolSpec> spec(String symbol);

  /** The latest bid and ask, or empty before the symbol's first price. */
  Optional<Tick> price(String symbol);

  List<Position> positions(Selection selection);

  /** Pending orders. */
  List<Order> orders(Selection selection);

  /**
   * MT5's OrderCalcProfit: the profit of {@code volume} lots opened at {@code open} and closed at
   * {@code close}, in the deposit currency (unrounded); empty when no price converts it.
   */
  Optional<BigDecimal> profit(String symbol, Side side, BigDecimal volume, BigDecimal open, BigDecimal close);

  /** {@code amount} of {@code currency} in the deposit currency (unrounded); empty when no price converts it. */
  Optional<BigDecimal> toDeposit(BigDecimal amount, String currency);

  TradeResult execute(TradeRequest request);

  /** Records the signal this turn served; it is committed with the turn's trades. */
  void record(SignalRecord signal);
}
