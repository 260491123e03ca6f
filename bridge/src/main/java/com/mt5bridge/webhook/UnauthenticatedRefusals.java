package com.mt5bridge.webhook;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * How many refusals of senders that did not show a strategy's secret go into the journal. The
 * webhook must be public for TradingView to reach it, so anyone can post junk to it; journaled
 * whole, a flood of 4 KiB bodies wrote 75 MB a second to MariaDB on the development VM, enough to
 * fill a disk within hours. So each strategy named gets {@value #BURST} refusals at once and
 * {@value #PER_SECOND} a second after that, and deliveries naming no strategy share as many again:
 * a misconfigured alert still shows in the journal, a flood costs a row a second. The rest are
 * counted (on {@code /health}) and reported in one warning a second at most. A sender who showed
 * the secret is always journaled.
 */
final class UnauthenticatedRefusals {

  static final int BURST = 30;
  static final int PER_SECOND = 1;

  private final Logger log;
  private final InstantSource clock;
  /** By strategy id: only strategies that exist are named in an entry, so this stays as small as their number. */
  private final Map<String, TokenBucket> byStrategy = new ConcurrentHashMap<>();
  private final TokenBucket unnamed;
  private final AtomicLong notJournaled = new AtomicLong();
  private final LeftOut unreported = new LeftOut();

  UnauthenticatedRefusals(Logger log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
    this.unnamed = new TokenBucket(BURST, PER_SECOND, clock);
  }

  /** Whether the refused {@code entry} is journaled; if not, it is counted. */
  boolean journal(JournalEntry entry) {
    if (entry.authenticated) {
      return true;
    }
    TokenBucket budget = entry.strategy == null ? unnamed
        : byStrategy.computeIfAbsent(entry.strategy, id -> new TokenBucket(BURST, PER_SECOND, clock));
    if (budget.take()) {
      return true;
    }
    notJournaled.incrementAndGet();
    unreported.add(entry.receivedAt);
    return false;
  }

  /** Refusals since start that were left out of the journal. */
  long notJournaled() {
    return notJournaled.get();
  }

  /** Reports the refusals left out since the last report, if any; run once a second. */
  void flush() {
    LeftOut.Count left = unreported.take();
    if (left == null) {
      return;
    }
    log.atWarn().setMessage("refusals of senders without a strategy's secret beyond the journal's budget ("
        + PER_SECOND + " a second per strategy named, after " + BURST + " at once) were counted, not journaled: "
        + "junk is being posted to the webhook").addKeyValue("notJournaled", left.count())
        .addKeyValue("since", left.since()).log();
  }
}
