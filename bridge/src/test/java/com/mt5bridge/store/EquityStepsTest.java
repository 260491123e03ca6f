package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.EQUITY_SNAPSHOTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.TradeHistory.EquityPoint;
import com.mt5bridge.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The equity curve in steps, grouped by MariaDB. The account opens at 10:00:00 with 10,000.00 (its
 * first point); then these points, balance 10,000.00 and margin 0 unless said:
 * <pre>
 * 10:00:20      10,010.00
 * 10:00:40       9,990.00
 * 10:00:59.999  10,005.00  margin 110.00
 * 10:01:00      10,020.00
 * 10:03:30      10,001.50
 * 10:03:30      10,002.00  (the same time, written later)
 * </pre>
 */
class EquityStepsTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final Instant T0 = JournaledAccount.T0;
  private static DatabaseHistory history;

  @BeforeAll
  static void curve() {
    DatabaseJournal journal = new DatabaseJournal(db.database(), new DatabaseMonitor(db.database(), Duration.ofHours(1)),
        InstantSource.system(), 1, "test-bridge");
    new JournaledAccount("steps", MarginMode.HEDGING, journal);
    point("PT20S", "10010.00", "0");
    point("PT40S", "9990.00", "0");
    point("PT59.999S", "10005.00", "110.00");
    point("PT1M", "10020.00", "0");
    point("PT3M30S", "10001.50", "0");
    point("PT3M30S", "10002.00", "0");
    history = new DatabaseHistory(db.dsl());
  }

  private static void point(String after, String equity, String margin) {
    db.dsl().insertInto(EQUITY_SNAPSHOTS, EQUITY_SNAPSHOTS.ACCOUNT_ID, EQUITY_SNAPSHOTS.TIME, EQUITY_SNAPSHOTS.BALANCE,
            EQUITY_SNAPSHOTS.EQUITY, EQUITY_SNAPSHOTS.MARGIN)
        .values("steps", T0.plus(Duration.parse(after)), new BigDecimal("10000.00"), new BigDecimal(equity),
            new BigDecimal(margin))
        .execute();
  }

  private static List<Tuple> view(List<EquityPoint> points) {
    return points.stream().map(p -> tuple(p.time(), p.equity().toPlainString(), p.margin().toPlainString(),
        p.equityLow().toPlainString(), p.equityHigh().toPlainString())).toList();
  }

  private static Instant at(String after) {
    return T0.plus(Duration.parse(after));
  }

  @Test
  void each_minute_with_points_gives_its_last_with_the_lowest_and_highest_equity_of_the_minute() {
    List<EquityPoint> steps = history.equity("steps", null, null, Duration.ofMinutes(1), 100);

    // 10:00: 10,000.00, 10,010.00, 9,990.00, 10,005.00; 10:01: 10,020.00; 10:02: none; 10:03: 10,001.50, 10,002.00
    assertThat(view(steps)).containsExactly(
        tuple(at("PT59.999S"), "10005.00", "110.00", "9990.00", "10010.00"),
        tuple(at("PT1M"), "10020.00", "0.00", "10020.00", "10020.00"),
        tuple(at("PT3M30S"), "10002.00", "0.00", "10001.50", "10002.00"));
    assertThat(steps.getFirst().balance().toPlainString()).isEqualTo("10000.00");
  }

  @Test
  void a_limit_keeps_the_newest_steps_and_a_range_only_its_points() {
    assertThat(history.equity("steps", null, null, Duration.ofMinutes(1), 2)).extracting(EquityPoint::time)
        .containsExactly(at("PT1M"), at("PT3M30S"));
    // From 10:00:30 the first minute holds only 9,990.00 and 10,005.00; up to 10:03 the last minute is 10:01.
    assertThat(view(history.equity("steps", at("PT30S"), at("PT3M"), Duration.ofMinutes(1), 100))).containsExactly(
        tuple(at("PT59.999S"), "10005.00", "110.00", "9990.00", "10005.00"),
        tuple(at("PT1M"), "10020.00", "0.00", "10020.00", "10020.00"));
  }

  @Test
  void an_hour_takes_every_point_of_the_hour() {
    assertThat(view(history.equity("steps", null, null, Duration.ofHours(1), 100)))
        .containsExactly(tuple(at("PT3M30S"), "10002.00", "0.00", "9990.00", "10020.00"));
  }

  @Test
  void without_a_step_every_point_comes_without_low_and_high() {
    List<EquityPoint> points = history.equity("steps", null, null, null, 100);

    assertThat(points).extracting(EquityPoint::time).containsExactly(T0, at("PT20S"), at("PT40S"), at("PT59.999S"),
        at("PT1M"), at("PT3M30S"), at("PT3M30S"));
    assertThat(points).allSatisfy(p -> assertThat(p.equityLow()).isNull());
  }
}
