package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Expiration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Days on the account clock, in the time zone of the broker's server (UTC unless the account's
 * policies say otherwise). The clock is the time of the latest tick; the day ends at the server's
 * midnight, when swaps roll over and DAY orders expire.
 */
final class AccountClock {

  private final ZoneId serverTimeZone;

  AccountClock(ZoneId serverTimeZone) {
    this.serverTimeZone = serverTimeZone;
  }

  /** The first instant of the day after {@code time}'s day: when that day is over. */
  Instant endOfDay(Instant time) {
    return time.atZone(serverTimeZone).toLocalDate().plusDays(1).atStartOfDay(serverTimeZone).toInstant();
  }

  DayOfWeek dayOf(Instant time) {
    return time.atZone(serverTimeZone).getDayOfWeek();
  }

  /**
   * When a pending order stops being active (epoch ms, the first instant it is expired), or
   * {@link Long#MAX_VALUE} for GTC: DAY at the end of the day it was placed, SPECIFIED just after
   * its time, SPECIFIED_DAY at the end of its day.
   */
  long expiresAt(Expiration expiration, Instant placed) {
    return switch (expiration.type()) {
      case GTC -> Long.MAX_VALUE;
      case DAY -> endOfDay(placed).toEpochMilli();
      case SPECIFIED -> expiration.time().toEpochMilli() + 1;
      case SPECIFIED_DAY -> endOfDay(expiration.time()).toEpochMilli();
    };
  }
}
