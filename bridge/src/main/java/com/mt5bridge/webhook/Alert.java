package com.mt5bridge.webhook;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.strategy.Action;
import com.mt5bridge.strategy.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An alert's fields, checked: what to do, on which (TradingView) symbol, with which sizes and
 * prices, and the {@code id} and {@code time} that identify a strategy order. Null when not given.
 */
record Alert(Action action, String symbol, OrderType.Kind kind, BigDecimal price, BigDecimal volume,
    BigDecimal contracts, BigDecimal risk, BigDecimal sl, BigDecimal tp, BigDecimal slPips, BigDecimal tpPips,
    BigDecimal positionSize, String marketPosition, String comment, String id, String time) {

  /** The strategy's signal, on the account's symbol. */
  Signal toSignal(String accountSymbol) {
    return new Signal(action, accountSymbol, kind, price, volume, contracts, risk, sl, tp, slPips, tpPips,
        positionSize, comment);
  }

  /** Whether {@code id} and {@code time} identify this alert: then a repeat of both is a duplicate. */
  boolean identified() {
    return id != null && !id.isBlank() && time != null && !time.isBlank();
  }

  /** {@code time} as an instant (ISO-8601 or epoch milliseconds), or null when it is neither. */
  Instant instant() {
    if (time == null) {
      return null;
    }
    String text = time.strip();
    try {
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }
}
