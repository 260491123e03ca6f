package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.action;
import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** Limits hold back trades that add exposure, before the broker sees them; closing is always allowed. */
class RiskLimitsTest {

  private static Limits limits(String maxVolume, int maxPositions, String maxDailyLoss, int maxSpreadPoints) {
    return new Limits(new BigDecimal(maxVolume), maxPositions, new BigDecimal(maxDailyLoss), maxSpreadPoints, 0, 0);
  }

  private static void assertRefused(ThrowableAssert.ThrowingCallable signal, String field, String message) {
    assertThatThrownBy(signal).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.RISK_LIMIT);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(message);
    });
  }

  /** At most {@code seconds} between an alert's time and its arrival. */
  private static Limits maxAge(int seconds) {
    return new Limits(BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, seconds);
  }

  @Test
  void an_entry_that_fired_longer_ago_than_allowed_is_refused_and_a_close_is_not() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.1"), maxAge(30));
      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(2));

      assertRefused(() -> desk.signal(strategy, buy("EURUSD").firedSecondsBefore(30.5)), "time",
          "the alert fired 30.5 s before it arrived; the strategy's maxSignalAgeSeconds is 30");
      assertRefused(() -> desk.signal(strategy, sell("EURUSD").positionSize("-0.1").firedSecondsBefore(31)), "time",
          "fired 31 s before");
      assertThat(desk.snapshot().positions()).hasSize(1);

      List<TradeResult> closed = desk.signal(strategy, action(Action.CLOSE_LONG, "EURUSD").firedSecondsBefore(600));
      assertThat(closed).singleElement().satisfies(result -> assertThat(result.success()).isTrue());
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void an_entry_whose_time_is_after_its_arrival_is_refused_since_its_age_cannot_be_told() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.1"), maxAge(30));
      // Two seconds ahead: the sender's clock and the bridge's a little apart.
      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(-2));

      // Two hours ahead: a local time of UTC+2 sent as UTC, with which any delivery, however late, would pass.
      assertRefused(() -> desk.signal(strategy, buy("EURUSD").firedSecondsBefore(-7200)), "time",
          "the alert's time is 7200 s after it arrived: an alert cannot fire after it arrives, so its time is not UTC "
              + "(a local time sent as UTC?) or its sender's clock is off, and the strategy's maxSignalAgeSeconds (30) "
              + "cannot tell how old it is; send {{timenow}} (closing is still allowed)");
      // More ahead than the limit itself: 30.5 s on a 30 s limit.
      assertRefused(() -> desk.signal(strategy, buy("EURUSD").firedSecondsBefore(-30.5)), "time", "30.5 s after it arrived");
      assertThat(desk.snapshot().positions()).hasSize(1);

      List<TradeResult> closed = desk.signal(strategy, action(Action.CLOSE_LONG, "EURUSD").firedSecondsBefore(-7200));
      assertThat(closed).singleElement().satisfies(result -> assertThat(result.success()).isTrue());
    }
  }

  @Test
  void the_time_an_entry_waited_for_its_account_counts_toward_its_age() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.1"), maxAge(30));
      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(10).waitedSeconds(20));
      // Under a second, the wait is the usual time to a turn and not counted.
      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(29.5).waitedSeconds(0.9));

      assertRefused(() -> desk.signal(strategy, buy("EURUSD").firedSecondsBefore(10).waitedSeconds(20.5)), "time",
          "the alert fired 30.5 s before its turn came (it arrived after 10 s and waited 20.5 s for its account); "
              + "the strategy's maxSignalAgeSeconds is 30");
      assertThat(desk.snapshot().positions()).hasSize(2);
    }
  }

  @Test
  void an_entry_that_waited_for_its_account_longer_than_the_bridge_allows_is_not_made_and_a_close_is() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      // No limits of its own: the bridge's BRIDGE_ENTRY_MAX_DELAY_SECONDS (30 here) holds for every strategy.
      Strategy strategy = strategy(fixed("0.1"), Limits.NONE);
      desk.signal(strategy, buy("EURUSD").waitedSeconds(30));

      for (StrategyDesk.SignalOf late : List.of(buy("EURUSD").waitedSeconds(30.5),
          sell("EURUSD").positionSize("-0.1").waitedSeconds(31), buy("EURUSD").limit("1.09000").waitedSeconds(3600))) {
        assertThatThrownBy(() -> desk.signal(strategy, late)).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
          assertThat(e.getMessage()).startsWith("not carried out: the signal waited ")
              .contains("BRIDGE_ENTRY_MAX_DELAY_SECONDS (30); an entry this late is not made");
        });
      }
      assertThat(desk.snapshot().positions()).hasSize(1);
      assertThat(desk.snapshot().orders()).isEmpty();

      List<TradeResult> closed = desk.signal(strategy, action(Action.CLOSE_LONG, "EURUSD").waitedSeconds(600));
      assertThat(closed).singleElement().satisfies(result -> assertThat(result.success()).isTrue());
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void an_entry_exactly_at_the_age_limit_or_from_a_clock_ahead_is_taken() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.1"), maxAge(30));

      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(30));
      desk.signal(strategy, buy("EURUSD").firedSecondsBefore(-5));

      assertThat(desk.snapshot().positions()).hasSize(2);
    }
  }

  @Test
  void an_age_limit_needs_the_alerts_time() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      assertRefused(() -> desk.signal(strategy(fixed("0.1"), maxAge(30)), buy("EURUSD")), "time",
          "needs the alert's time");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void a_signal_opening_more_than_max_volume_is_refused() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.5"), limits("0.2", 0, "0", 0));

      assertRefused(() -> desk.signal(strategy, buy("EURUSD")), "volume", "opens 0.5 lots; the strategy's maxVolume is 0.2");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void max_positions_counts_open_positions_and_pending_orders() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy strategy = strategy(fixed("0.01"), limits("0", 2, "0", 0));
      desk.signal(strategy, buy("EURUSD"));
      desk.signal(strategy, buy("EURUSD").limit("1.09000"));

      assertRefused(() -> desk.signal(strategy, buy("EURUSD")), "limits.maxPositions", "holds 2");
    }
  }

  @Test
  void a_market_entry_is_refused_when_the_spread_is_wider_than_allowed() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      Strategy strategy = strategy(fixed("0.01"), limits("0", 0, "0", 15));
      desk.tick("EURUSD", "1.10000", "1.10020");

      assertRefused(() -> desk.signal(strategy, buy("EURUSD")), "symbol", "spread is 20 points");

      desk.tick("EURUSD", "1.10000", "1.10010");
      assertThat(desk.signal(strategy, buy("EURUSD")).getFirst().success()).isTrue();
    }
  }

  @Test
  void after_the_daily_loss_new_entries_stop_but_closing_goes_on_until_the_next_day() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      Strategy strategy = strategy(fixed("1"), limits("0", 0, "50", 0));
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD"));
      // Floating: (1.09950 - 1.10020) x 1 lot x 100,000 = -70
      desk.tick("EURUSD", "1.09950", "1.09970");

      assertRefused(() -> desk.signal(strategy, buy("EURUSD")), "limits.maxDailyLoss", "down 70.00 USD today");
      List<TradeResult> closed = desk.signal(strategy, action(Action.CLOSE, "EURUSD"));
      assertThat(closed.getFirst().success()).isTrue();
      // Realized now: still -70 today.
      assertRefused(() -> desk.signal(strategy, sell("EURUSD")), "limits.maxDailyLoss", "down 70.00 USD today");

      desk.tickAt(Instant.parse("2026-11-17T00:00:01Z"), "EURUSD", "1.09950", "1.09970");
      assertThat(desk.signal(strategy, buy("EURUSD")).getFirst().success()).isTrue();
    }
  }

  @Test
  void the_daily_loss_starts_again_at_midnight_of_the_brokers_server_time() {
    try (StrategyDesk desk = StrategyDesk.hedgingOn(ZoneId.of("Europe/Athens"))) {
      Strategy strategy = strategy(fixed("1"), limits("0", 0, "50", 0));
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD"));
      desk.tick("EURUSD", "1.09950", "1.09970");
      desk.signal(strategy, action(Action.CLOSE, "EURUSD")); // realized: -70

      // 23:59 in Athens (UTC+2 in November): still Monday there.
      desk.tickAt(Instant.parse("2026-11-16T21:59:00Z"), "EURUSD", "1.09950", "1.09970");
      assertRefused(() -> desk.signal(strategy, buy("EURUSD")), "limits.maxDailyLoss", "down 70.00 USD today");
      // 00:00:01 on Tuesday in Athens, though still Monday in UTC.
      desk.tickAt(Instant.parse("2026-11-16T22:00:01Z"), "EURUSD", "1.09950", "1.09970");
      assertThat(desk.signal(strategy, buy("EURUSD")).getFirst().success()).isTrue();
    }
  }

  @Test
  void an_order_that_only_reduces_a_netting_position_passes_every_limit() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      Strategy open = strategy(fixed("1"), Limits.NONE);
      desk.signal(open, buy("EURUSD"));
      Strategy tight = strategy(fixed("0.5"), limits("0.2", 1, "0", 5));

      List<TradeResult> results = desk.signal(tight, sell("EURUSD"));

      assertThat(results.getFirst().success()).isTrue();
      assertThat(desk.snapshot().positions().getFirst().volume()).isEqualByComparingTo("0.5");
    }
  }
}
