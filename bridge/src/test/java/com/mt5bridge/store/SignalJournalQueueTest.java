package com.mt5bridge.store;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refused signals beyond the journal's queue, while the database takes no writes, are counted, not lost silently. */
class SignalJournalQueueTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  @Test
  void what_does_not_fit_the_queue_is_counted_and_the_rest_is_written_once_the_database_takes_writes()
      throws Exception {
    try (DatabaseSignals signals = new DatabaseSignals(db.dsl(), 2)) {
      try (TableLock held = TableLock.read(db.dsl(), "signals")) {
        for (int i = 0; i < 6; i++) {
          signals.append(new SignalRecord("sig-" + i, null, null, null, null, SignalStatus.REJECTED, "buy", "EURUSD",
              "127.0.0.1", "text/plain", "***", null, null, null, null, T0.plusMillis(i), T0.plusMillis(i)));
        }
        // Two wait in the queue and at most two more in the batch held back by the lock.
        assertThat(signals.dropped()).isBetween(2L, 4L);
      }

      eventually(Duration.ofSeconds(10), () -> assertThat(
          db.dsl().fetchCount(db.dsl().selectFrom("signals")) + signals.dropped()).isEqualTo(6));
    }
  }
}
