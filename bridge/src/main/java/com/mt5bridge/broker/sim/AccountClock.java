package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Expiration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Days on the account clock (UTC). The clock is the time of the latest tick; the day ends at
 * midnight, when swaps roll over and DAY orders expire.
 */
final class AccountClock {

  private AccountClock() {}

  /** The first instant of the day after {@code time}'s day: when that day is over. */
  static Instant endOfDay(Instant time) {
    return time.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
  }

  static DayOfWeek dayOf(Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC).getDayOfWeek();
  }

  /**
   * When a pending order stops being active (epoch ms, the first instant it is expired), or
   * {@link Long#MAX_VALUE} for GTC: DAY at the end of the day it was placed, SPECIFIED just after
   * its time, SPECIFIED_DAY at the end of its day.
   */
  static long expiresAt(Expiration expiration, Instant placed) {
    return switch (expiration.type()) {
      case GTC -> Long.MAX_VALUE;
      case DAY -> endOfDay(placed).toEpochMilli();
      case SPECIFIED -> expiration.time().toEpochMilli() + 1;
      case SPECIFIED_DAY -> endOfDay(expiration.time()).toEpochMilli();
    };
  }
}
