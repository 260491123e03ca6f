package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Twenty wrong secrets for one strategy within a minute are a warning, once that minute. */
class WrongSecretsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final WrongSecrets wrongSecrets = new WrongSecrets(LoggerFactory.getLogger(Signals.class), now::get);

  private void wrong(String strategy, int times) {
    for (int i = 0; i < times; i++) {
      wrongSecrets.count(strategy);
    }
  }

  private static long warnings(CapturedLogs logs) {
    return logs.lines().stream().filter(line -> line.startsWith("a strategy's secret was wrong")).count();
  }

  @Test
  void twenty_wrong_secrets_for_one_strategy_within_a_minute_warn_once_that_minute() {
    try (CapturedLogs logs = new CapturedLogs()) {
      wrong("trend-eu", 19);
      wrong("other", 19);
      long afterNineteen = warnings(logs);
      wrong("trend-eu", 6);
      long afterTwentyFive = warnings(logs);
      now.set(T0.plus(Duration.ofMinutes(1)));
      wrong("trend-eu", 20);

      assertThat(afterNineteen).isZero();
      assertThat(afterTwentyFive).isOne();
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("a strategy's secret was wrong"))
          .hasSize(2).allSatisfy(line -> assertThat(line).endsWith(" strategy=trend-eu"));
    }
  }
}
