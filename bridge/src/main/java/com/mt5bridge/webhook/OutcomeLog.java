package com.mt5bridge.webhook;

import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Logs what became of signals that reached their account without trading in full or in time:
 * answered PENDING (the account had not finished; the commit's outcome unknown) or refused by the
 * broker. Within a {@link LogBudget}: behind a stalled journal every signal is answered PENDING, and
 * a line for each would fill the disk; /health counts them (signalsPending) and the journal has them.
 */
final class OutcomeLog {

  private final Logger log;
  private final LogBudget budget;

  OutcomeLog(Logger log, InstantSource clock) {
    this.log = log;
    this.budget = new LogBudget(log, clock, "more signals answered PENDING or refused by the broker than the log "
        + "shows; the journal has them (GET /api/signals?status=PENDING, ?status=REJECTED; /health signalsPending)");
  }

  void notFinishedInTime(JournalEntry entry) {
    if (budget.take(entry.receivedAt)) {
      log.atWarn().setMessage("signal not finished in time; answered PENDING").addKeyValue("signal", entry.id)
          .addKeyValue("account", entry.account).log();
    }
  }

  void unconfirmed(JournalEntry entry) {
    if (budget.take(entry.receivedAt)) {
      log.atWarn().setMessage("signal's commit unconfirmed; answered PENDING until the journal tells")
          .addKeyValue("signal", entry.id).addKeyValue("account", entry.account).log();
    }
  }

  /**
   * Logged like a refusal before the account: an operator reading the log sees every signal that did
   * not fully trade, whoever said no.
   */
  void refusedByBroker(JournalEntry entry, SignalAnswer answer) {
    if (budget.take(entry.receivedAt)) {
      log.atInfo().setMessage("signal refused by the broker").addKeyValue("signal", entry.id)
          .addKeyValue("strategy", entry.strategy).addKeyValue("account", entry.account)
          .addKeyValue("status", answer.status()).addKeyValue("reason", answer.message()).log();
    }
  }

  /** Reports the lines left out since the last report, if any; run once a second. */
  void flush() {
    budget.flush();
  }
}
