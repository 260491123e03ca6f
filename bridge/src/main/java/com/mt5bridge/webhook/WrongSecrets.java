package com.mt5bridge.webhook;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Counts each strategy's wrong secrets by the minute and warns once a minute when they reach
 * {@value #GUESSES}: TradingView sends a strategy's alerts with the secret it was given, so wrong
 * ones in numbers are someone guessing. The warning blocks nobody (blocking the addresses would
 * block TradingView's, which all its users share); it tells the operator to act.
 */
final class WrongSecrets {

  /** Wrong secrets for one strategy within a minute that are worth a warning. */
  static final int GUESSES = 20;

  private final Logger log;
  private final InstantSource clock;
  /** By strategy id: only strategies that exist are counted, so the map stays as small as their number. */
  private final Map<String, Minute> minutes = new HashMap<>();

  WrongSecrets(Logger log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
  }

  void count(String strategy) {
    long minute = clock.millis() / 60_000;
    int count;
    synchronized (this) {
      Minute seen = minutes.get(strategy);
      if (seen == null || seen.minute != minute) {
        seen = new Minute(minute);
        minutes.put(strategy, seen);
      }
      count = ++seen.count;
    }
    if (count == GUESSES) {
      log.atWarn().setMessage("a strategy's secret was wrong " + GUESSES + " times within a minute: someone may be "
          + "guessing it; give the strategy a new long random secret, or allowedIps [\"tradingview\"]")
          .addKeyValue("strategy", strategy).log();
    }
  }

  /** A strategy's wrong secrets in one minute. */
  private static final class Minute {
    final long minute;
    int count;

    Minute(long minute) {
      this.minute = minute;
    }
  }
}
