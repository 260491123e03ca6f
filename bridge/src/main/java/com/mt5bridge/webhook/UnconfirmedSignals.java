package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.SignalLog;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Signals whose commit broke off unconfirmed: they may have traded or not. The database decides,
 * since a signal's journal row is committed with its deals: each is looked for in the journal until
 * the database answers. Found, it is what the journal says; not found, it did not trade, and it is
 * journaled as refused. (Should the commit still be landing meanwhile, the row it brings keeps its
 * place: the journal ignores a second row for the same signal.)
 */
final class UnconfirmedSignals {

  /** How often the journal is asked while the database does not answer. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final SignalLog journal;
  private final InstantSource clock;
  private final ScheduledExecutorService timers;

  UnconfirmedSignals(SignalLog journal, InstantSource clock, ScheduledExecutorService timers) {
    this.journal = journal;
    this.clock = clock;
    this.timers = timers;
  }

  /** Finds out what became of {@code entry} in the background, then calls {@code settled}. */
  void follow(JournalEntry entry, Consumer<JournalEntry> settled) {
    try {
      // The lookup waits for the database: not on the timers' thread, which gives up late webhook waits.
      timers.schedule(() -> Thread.startVirtualThread(() -> settle(entry, settled)), RETRY.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // The bridge is stopping: after a restart the journal shows what the database holds.
    }
  }

  private void settle(JournalEntry entry, Consumer<JournalEntry> settled) {
    try {
      if (journal.find(entry.id).isEmpty()) {
        journal.append(entry.refused(ApiException.unavailable("not carried out: the connection to the database "
            + "broke while the signal was being committed, and the database does not have it"), clock.instant()));
      }
      settled.accept(entry);
    } catch (BrokerUnavailableException databaseAway) {
      follow(entry, settled);
    }
  }
}
