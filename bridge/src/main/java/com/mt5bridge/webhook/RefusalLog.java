package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Logs refused signals within a {@link LogBudget}, so that a flood of them (junk posted to the
 * webhook, an alert misfiring every bar) cannot drown the log; the journal has them all the same
 * (within {@link UnauthenticatedRefusals}' budget).
 */
final class RefusalLog {

  private final Logger log;
  private final LogBudget budget;

  RefusalLog(Logger log, InstantSource clock) {
    this.log = log;
    this.budget = new LogBudget(log, clock, "more signals refused than the log shows; the journal has them "
        + "(GET /api/signals?status=REJECTED), up to its budget for senders without the secret");
  }

  /** @param journaled whether the journal keeps it (a junk flood's are not all kept), so the log names it */
  void refused(JournalEntry entry, ApiException refused, boolean journaled) {
    if (!budget.take(entry.receivedAt)) {
      return;
    }
    log.atInfo().setMessage("signal refused").addKeyValue("signal", journaled ? entry.id : null)
        .addKeyValue("strategy", entry.strategy).addKeyValue("account", entry.account)
        .addKeyValue("code", refused.code()).addKeyValue("field", refused.field())
        .addKeyValue("reason", refused.getMessage()).addKeyValue("ip", entry.sourceIp).log();
  }

  /** Reports the refusals left out since the last report, if any; run once a second. */
  void flush() {
    budget.flush();
  }
}
