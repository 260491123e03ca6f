package com.mt5bridge.webhook;

import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * Lines of one kind about single signals, {@value #BURST} at once and {@value #PER_SECOND} a second
 * after that, so that a flood of them (junk posted to the webhook, a stalled journal answering every
 * signal PENDING) does not drown the log an operator reads or fill its disk. Those left out are
 * counted and reported in one warning a second at most.
 */
final class LogBudget {

  static final int BURST = 20;
  static final int PER_SECOND = 5;

  private final Logger log;
  private final String leftOutMessage;
  private final TokenBucket lines;
  private final LeftOut notLogged = new LeftOut();

  /** @param leftOutMessage the warning that reports how many were left out, and where they can be found */
  LogBudget(Logger log, InstantSource clock, String leftOutMessage) {
    this.log = log;
    this.leftOutMessage = leftOutMessage;
    this.lines = new TokenBucket(BURST, PER_SECOND, clock);
  }

  /** Whether a line about a signal received {@code at} may be logged; if not, it is counted. */
  boolean take(Instant at) {
    if (lines.take()) {
      return true;
    }
    notLogged.add(at);
    return false;
  }

  /** Reports the lines left out since the last report, if any; run once a second. */
  void flush() {
    LeftOut.Count left = notLogged.take();
    if (left != null) {
      log.atWarn().setMessage(leftOutMessage).addKeyValue("notLogged", left.count())
          .addKeyValue("since", left.since()).log();
    }
  }
}
