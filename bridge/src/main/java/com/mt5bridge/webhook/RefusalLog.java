package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Logs refused signals without letting a flood of them (junk posted to the webhook, an alert
 * misfiring every bar) drown the log an operator reads: {@value #BURST} lines at once and
 * {@value #PER_SECOND} a second after that. The rest are counted and reported in one line a second
 * at most; the journal has them all the same (within {@link UnauthenticatedRefusals}' budget).
 */
final class RefusalLog {

  static final int BURST = 20;
  static final int PER_SECOND = 5;

  private final Logger log;
  private final TokenBucket lines;
  private final LeftOut notLogged = new LeftOut();

  RefusalLog(Logger log, InstantSource clock) {
    this.log = log;
    this.lines = new TokenBucket(BURST, PER_SECOND, clock);
  }

  /** @param journaled whether the journal keeps it (a junk flood's are not all kept), so the log names it */
  void refused(JournalEntry entry, ApiException refused, boolean journaled) {
    if (!lines.take()) {
      notLogged.add(entry.receivedAt);
      return;
    }
    log.atInfo().setMessage("signal refused").addKeyValue("signal", journaled ? entry.id : null)
        .addKeyValue("strategy", entry.strategy).addKeyValue("account", entry.account)
        .addKeyValue("code", refused.code()).addKeyValue("field", refused.field())
        .addKeyValue("reason", refused.getMessage()).addKeyValue("ip", entry.sourceIp).log();
  }

  /** Reports the refusals left out since the last report, if any; run once a second. */
  void flush() {
    LeftOut.Count left = notLogged.take();
    if (left == null) {
      return;
    }
    log.atWarn().setMessage("more signals refused than the log shows; the journal has them "
        + "(GET /api/signals?status=REJECTED), up to its budget for senders without the secret")
        .addKeyValue("notLogged", left.count()).addKeyValue("since", left.since()).log();
  }
}
