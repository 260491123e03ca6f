package com.mt5bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.TradeHistory;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One netting account: a deposit at 10:00, then a buy and a sell every hour from 11:00 to 14:00. */
class DatabaseHistoryTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final Instant T0 = JournaledAccount.T0;
  private static DatabaseHistory history;

  @BeforeAll
  static void trade() {
    DatabaseJournal journal = new DatabaseJournal(db.database(), new DatabaseMonitor(db.database(), Duration.ofHours(1)),
        InstantSource.system(), 1, "test-bridge");
    JournaledAccount account = new JournaledAccount("hist", MarginMode.NETTING, journal);
    for (int hour = 1; hour <= 4; hour++) {
      account.tick("EURUSD", "1.10000", "1.10020", T0.plus(Duration.ofHours(hour)));
      account.market(OrderType.BUY, "EURUSD", "1", "0", "0");
      account.tick("EURUSD", "1.10100", "1.10120", T0.plus(Duration.ofHours(hour)).plusSeconds(30));
      account.market(OrderType.SELL, "EURUSD", "1", "0", "0");
    }
    history = new DatabaseHistory(db.dsl());
  }

  @Test
  void every_deal_comes_back_oldest_first_with_the_accounts_decimals() {
    List<Deal> deals = history.deals("hist", null, null, null, 100);

    assertThat(deals).hasSize(9);
    assertThat(deals).extracting(Deal::time).isSorted();
    Deal sell = deals.get(2);
    // bought at 1.10020, sold at 1.10100: 0.00080 x 100,000 = 80.00; commission 2.50 a lot
    assertThat(sell.price().toPlainString()).isEqualTo("1.10100");
    assertThat(sell.profit().toPlainString()).isEqualTo("80.00");
    assertThat(sell.commission().toPlainString()).isEqualTo("-2.50");
    assertThat(sell.volume().toPlainString()).isEqualTo("1");
  }

  @Test
  void from_is_inclusive_and_to_exclusive() {
    List<Deal> deals = history.deals("hist", null, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3)), 100);

    assertThat(deals).extracting(Deal::time)
        .containsExactly(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2)).plusSeconds(30));
  }

  @Test
  void a_limit_keeps_the_newest_deals_still_oldest_first() {
    List<Deal> deals = history.deals("hist", null, null, null, 3);

    assertThat(deals).extracting(Deal::time).containsExactly(T0.plus(Duration.ofHours(3)).plusSeconds(30),
        T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(4)).plusSeconds(30));
  }

  @Test
  void a_magic_number_keeps_only_its_own_deals() {
    // The eight market deals carry magic 7; the deposit, made by nobody's strategy, magic 0.
    assertThat(history.deals("hist", 7L, null, null, 100)).hasSize(8)
        .allSatisfy(d -> assertThat(d.magic()).isEqualTo(7));
    assertThat(history.deals("hist", 0L, null, null, 100)).extracting(Deal::ticket).containsExactly(1L);
    assertThat(history.deals("hist", 8L, null, null, 100)).isEmpty();
  }

  @Test
  void the_equity_curve_has_a_point_after_every_deal() {
    List<TradeHistory.EquityPoint> curve = history.equity("hist", null, null, null, 100);

    assertThat(curve).hasSize(9);
    // after the first round trip: 10,000 + 80 - 2 x 2.50 = 10,075.00
    assertThat(curve.get(2).balance().toPlainString()).isEqualTo("10075.00");
    assertThat(curve.get(8).balance().toPlainString()).isEqualTo("10300.00");
  }

  @Test
  void an_account_without_deals_in_the_range_gives_an_empty_list() {
    assertThat(history.deals("hist", null, T0.plus(Duration.ofDays(30)), null, 100)).isEmpty();
    assertThat(history.deals("nobody", null, null, null, 100)).isEmpty();
  }
}
