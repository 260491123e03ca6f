package com.mt5bridge.strategy;

import com.mt5bridge.broker.Side;
import java.util.Locale;
import java.util.Optional;

/** What an alert asks for. Only BUY and SELL add exposure; the rest close or cancel the strategy's own. */
public enum Action {
  BUY,
  SELL,
  CLOSE,
  CLOSE_LONG,
  CLOSE_SHORT,
  CLOSE_ALL,
  CANCEL,
  CANCEL_LONG,
  CANCEL_SHORT,
  FLAT;

  public static final String NAMES =
      "buy, sell, long, short, close, closelong, closeshort, closeall, cancel, cancellong, cancelshort, flat";

  /** The alert's word for it (TradingView's {@code {{strategy.order.action}}} gives buy or sell). */
  public static Optional<Action> of(String word) {
    return Optional.ofNullable(switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "buy", "long" -> BUY;
      case "sell", "short" -> SELL;
      case "close" -> CLOSE;
      case "closelong" -> CLOSE_LONG;
      case "closeshort" -> CLOSE_SHORT;
      case "closeall" -> CLOSE_ALL;
      case "cancel" -> CANCEL;
      case "cancellong" -> CANCEL_LONG;
      case "cancelshort" -> CANCEL_SHORT;
      case "flat" -> FLAT;
      default -> null;
    });
  }

  public boolean opens() {
    return this == BUY || this == SELL;
  }

  public Side side() {
    return this == SELL ? Side.SELL : Side.BUY;
  }

  /** The side a close or cancel is limited to, or null for both. */
  Side only() {
    return switch (this) {
      case CLOSE_LONG, CANCEL_LONG -> Side.BUY;
      case CLOSE_SHORT, CANCEL_SHORT -> Side.SELL;
      default -> null;
    };
  }
}
