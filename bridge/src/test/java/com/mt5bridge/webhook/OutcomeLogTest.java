package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Behind a stalled journal every signal is answered PENDING: the log gets 20 lines of them, then 5 a
 * second, and one line a second saying how many it left out.
 */
class OutcomeLogTest {

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  @Test
  void thirty_signals_answered_pending_at_once_log_twenty_lines_and_one_for_the_other_ten() {
    OutcomeLog outcomes = new OutcomeLog(LoggerFactory.getLogger(Signals.class), () -> T0);
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      for (int i = 0; i < 25; i++) {
        outcomes.notFinishedInTime(new JournalEntry("sig-" + i, T0));
      }
      for (int i = 25; i < 30; i++) {
        outcomes.unconfirmed(new JournalEntry("sig-" + i, T0));
      }
      outcomes.flush();
      outcomes.flush();

      assertThat(logs.lines()).filteredOn(line -> line.startsWith("signal not finished in time")).hasSize(20);
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("signal's commit unconfirmed")).isEmpty();
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("more signals answered PENDING")).singleElement()
          .asString().contains("notLogged=10 since=" + T0);
    }
  }
}
