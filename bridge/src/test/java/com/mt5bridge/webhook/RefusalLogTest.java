package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.testing.CapturedLogs;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A flood of refusals logs 20 lines, then 5 a second, and says how many it left out. */
class RefusalLogTest {

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final RefusalLog refusals = new RefusalLog(LoggerFactory.getLogger(Signals.class), clock);
  private final ApiException wrongSecret = new ApiException(ErrorCode.UNAUTHORIZED, "wrong secret", "secret");

  private void refuse(int times) {
    for (int i = 0; i < times; i++) {
      refusals.refused(new JournalEntry("sig-" + i, now.get()), wrongSecret, true);
    }
  }

  private static long count(List<String> lines, String start) {
    return lines.stream().filter(line -> line.startsWith(start)).count();
  }

  @Test
  void thirty_at_once_log_twenty_and_then_one_line_for_the_other_ten() {
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      refuse(30);
      refusals.flush();

      assertThat(count(logs.lines(), "signal refused ")).isEqualTo(20);
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("more signals refused"))
          .containsExactly("more signals refused than the log shows; the journal has them "
              + "(GET /api/signals?status=REJECTED), up to its budget for senders without the secret notLogged=10 since="
              + T0);
    }
  }

  @Test
  void after_the_burst_five_a_second_are_logged() {
    refuse(20);
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      now.set(T0.plus(Duration.ofSeconds(1)));
      refuse(6);
      refusals.flush();
      refusals.flush();

      assertThat(count(logs.lines(), "signal refused ")).isEqualTo(5);
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("more signals refused")).singleElement()
          .asString().contains("notLogged=1 ");
    }
  }

  @Test
  void quiet_times_log_every_refusal_and_nothing_more() {
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      for (int second = 0; second < 10; second++) {
        now.set(T0.plus(Duration.ofSeconds(second)));
        refuse(5);
        refusals.flush();
      }

      assertThat(count(logs.lines(), "signal refused ")).isEqualTo(50);
      assertThat(count(logs.lines(), "more signals refused")).isZero();
    }
  }
}
