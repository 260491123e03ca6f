package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Refusals of senders without the secret: 30 at once and one a second journaled per strategy
 * named, and as many for all deliveries naming none; the rest counted and reported; a sender who
 * showed the secret always journaled.
 */
class UnauthenticatedRefusalsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final UnauthenticatedRefusals budget =
      new UnauthenticatedRefusals(LoggerFactory.getLogger(Signals.class), clock);

  private JournalEntry entry(String strategy, boolean authenticated) {
    JournalEntry entry = new JournalEntry("sig", clock.instant());
    entry.strategy = strategy;
    entry.authenticated = authenticated;
    return entry;
  }

  private long journaled(int deliveries, String strategy, boolean authenticated) {
    return IntStream.range(0, deliveries).filter(i -> budget.journal(entry(strategy, authenticated))).count();
  }

  @Test
  void forty_at_once_naming_no_strategy_journal_thirty_and_count_ten() {
    try (CapturedLogs logs = new CapturedLogs()) {
      assertThat(journaled(40, null, false)).isEqualTo(30);
      budget.flush();
      budget.flush();

      assertThat(budget.notJournaled()).isEqualTo(10);
      assertThat(logs.lines()).filteredOn(line -> line.startsWith("refusals of senders without"))
          .singleElement().asString().endsWith("notJournaled=10 since=" + T0);
    }
  }

  @Test
  void each_strategy_named_has_its_own_budget_apart_from_the_deliveries_naming_none() {
    journaled(30, null, false);

    assertThat(journaled(31, "trend-eu", false)).isEqualTo(30);
    assertThat(journaled(30, "trend-gb", false)).isEqualTo(30);
    assertThat(journaled(1, null, false)).isZero();
    assertThat(budget.notJournaled()).isEqualTo(2);
  }

  @Test
  void after_the_burst_one_a_second_is_journaled() {
    journaled(30, "trend-eu", false);

    now.set(T0.plus(Duration.ofMillis(4_500)));

    assertThat(journaled(10, "trend-eu", false)).isEqualTo(4);
  }

  @Test
  void a_sender_who_showed_the_secret_is_journaled_whatever_the_flood() {
    journaled(100, "trend-eu", false);

    assertThat(journaled(100, "trend-eu", true)).isEqualTo(100);
    assertThat(budget.notJournaled()).isEqualTo(70);
  }
}
