package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs refused signals without letting a flood of them (junk posted to the webhook, an alert
 * misfiring every bar) drown the log an operator reads: {@value #BURST} lines at once and
 * {@value #PER_SECOND} a second after that. The rest are counted and reported in one line a second
 * at most; every refusal is in the journal all the same. Wrong secrets are counted by strategy too,
 * and many in a minute are a warning of their own.
 */
final class RefusalLog {

  static final int BURST = 20;
  static final int PER_SECOND = 5;
  /** Wrong secrets for one strategy within a minute that are worth a warning. */
  static final int GUESSES = 20;
  /** Tokens are counted in thousandths, so that a millisecond's refill is a whole number. */
  private static final long ONE = 1_000;

  private final Logger log;
  private final InstantSource clock;
  private long tokens = BURST * ONE;
  private long refilledAt;
  private long notLogged;
  private Instant notLoggedSince;
  /** By strategy id: only strategies that exist are counted, so the map stays as small as their number. */
  private final Map<String, WrongSecrets> wrongSecrets = new HashMap<>();

  RefusalLog(Logger log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
    this.refilledAt = clock.millis();
  }

  void refused(JournalEntry entry, ApiException refused) {
    if (refused.code() == ErrorCode.UNAUTHORIZED && entry.strategy != null) {
      wrongSecret(entry.strategy);
    }
    if (!take()) {
      return;
    }
    log.atInfo().setMessage("signal refused").addKeyValue("signal", entry.id)
        .addKeyValue("strategy", entry.strategy).addKeyValue("account", entry.account)
        .addKeyValue("code", refused.code()).addKeyValue("field", refused.field())
        .addKeyValue("reason", refused.getMessage()).addKeyValue("ip", entry.sourceIp).log();
  }

  /** Reports the refusals left out since the last report, if any; run once a second. */
  void flush() {
    long count;
    Instant since;
    synchronized (this) {
      if (notLogged == 0) {
        return;
      }
      count = notLogged;
      since = notLoggedSince;
      notLogged = 0;
      notLoggedSince = null;
    }
    log.atWarn().setMessage("more signals refused than the log shows; every one is in the journal "
        + "(GET /api/signals?status=REJECTED)").addKeyValue("notLogged", count).addKeyValue("since", since).log();
  }

  /**
   * Counts a strategy's wrong secrets by the minute and warns once a minute when they reach
   * {@value #GUESSES}: TradingView sends a strategy's alerts with the secret it was given, so
   * wrong ones in numbers are someone guessing. The warning blocks nobody (blocking the addresses
   * would block TradingView's, which all its users share); it tells the operator to act.
   */
  private void wrongSecret(String strategy) {
    long minute = clock.millis() / 60_000;
    int count;
    synchronized (this) {
      WrongSecrets seen = wrongSecrets.get(strategy);
      if (seen == null || seen.minute != minute) {
        seen = new WrongSecrets(minute);
        wrongSecrets.put(strategy, seen);
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
  private static final class WrongSecrets {
    final long minute;
    int count;

    WrongSecrets(long minute) {
      this.minute = minute;
    }
  }

  private synchronized boolean take() {
    long now = clock.millis();
    tokens = Math.min(BURST * ONE, tokens + Math.max(0, now - refilledAt) * PER_SECOND);
    refilledAt = Math.max(refilledAt, now);
    if (tokens >= ONE) {
      tokens -= ONE;
      return true;
    }
    if (notLogged++ == 0) {
      notLoggedSince = Instant.ofEpochMilli(now);
    }
    return false;
  }
}
