package com.mt5bridge.webhook;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.strategy.Action;
import com.mt5bridge.strategy.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An alert's fields, checked: what to do, on which (TradingView) symbol, with which sizes and
 * prices, and the {@code id} and {@code time} that identify a strategy order. Null when not given.
 */
record Alert(Action action, String symbol, OrderType.Kind kind, BigDecimal price, BigDecimal volume,
    BigDecimal contracts, BigDecimal risk, BigDecimal sl, BigDecimal tp, BigDecimal slPips, BigDecimal tpPips,
    BigDecimal positionSize, String marketPosition, String comment, String id, String time) {

  /**
   * The strategy's signal, on the account's symbol, as it arrived at {@code receivedAt}.
   *
   * @param fired {@link #instant()}, which the caller has read already
   */
  Signal toSignal(String accountSymbol, Instant fired, Instant receivedAt) {
    return new Signal(action, accountSymbol, kind, price, volume, contracts, risk, sl, tp, slPips, tpPips,
        positionSize, comment, fired == null ? null : Duration.between(fired, receivedAt), receivedAt);
  }

  /** Whether {@code id} and {@code time} identify this alert: then a repeat of both is a duplicate. */
  boolean identified() {
    return id != null && !id.isBlank() && time != null && !time.isBlank();
  }

  /**
   * Up to this many digits an epoch number is seconds, past it milliseconds: 10^11 seconds is the
   * year 5138 and 10^11 milliseconds 1973, so neither reading of a real alert's time is in doubt.
   */
  private static final int EPOCH_SECONDS_DIGITS = 11;

  /**
   * {@code time} as an instant (ISO-8601 with a zone, epoch seconds or epoch milliseconds), or null
   * when it is none of them.
   */
  Instant instant() {
    if (time == null) {
      return null;
    }
    String text = time.strip();
    try {
      Long epoch = epochNumber();
      if (epoch != null) {
        return text.length() <= EPOCH_SECONDS_DIGITS ? Instant.ofEpochSecond(epoch) : Instant.ofEpochMilli(epoch);
      }
      Instant plain = tradingViewTime(text);
      return plain != null ? plain : OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** {@code time} when it is a number of digits alone (epoch seconds or milliseconds), else null. */
  Long epochNumber() {
    String text = time == null ? "" : time.strip();
    return !text.isEmpty() && text.length() <= 15 && text.chars().allMatch(Character::isDigit)
        ? Long.parseLong(text) : null;
  }

  /**
   * TradingView's {@code {{time}}} and {@code {{timenow}}}: {@code 2026-11-21T10:15:00Z}, read
   * directly (on every signal, the general ISO parser costs more than the rest of the checks); null
   * for any other form.
   */
  private static Instant tradingViewTime(String text) {
    if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
      return null;
    }
    int[] at = {0, 5, 8, 11, 14, 17};
    int[] width = {4, 2, 2, 2, 2, 2};
    int[] value = new int[6];
    for (int f = 0; f < 6; f++) {
      for (int i = at[f]; i < at[f] + width[f]; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        value[f] = value[f] * 10 + (c - '0');
      }
    }
    return java.time.LocalDateTime.of(value[0], value[1], value[2], value[3], value[4], value[5])
        .toInstant(java.time.ZoneOffset.UTC);
  }
}
