package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Logs refused signals without letting a flood of them (junk posted to the webhook, an alert
 * misfiring every bar) drown the log an operator reads: {@value #BURST} lines at once and
 * {@value #PER_SECOND} a second after that. The rest are counted and reported in one line a second
 * at most; every refusal is in the journal all the same.
 */
final class RefusalLog {

  static final int BURST = 20;
  static final int PER_SECOND = 5;
  /** Tokens are counted in thousandths, so that a millisecond's refill is a whole number. */
  private static final long ONE = 1_000;

  private final Logger log;
  private final InstantSource clock;
  private long tokens = BURST * ONE;
  private long refilledAt;
  private long notLogged;
  private Instant notLoggedSince;

  RefusalLog(Logger log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
    this.refilledAt = clock.millis();
  }

  void refused(JournalEntry entry, ApiException refused) {
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
