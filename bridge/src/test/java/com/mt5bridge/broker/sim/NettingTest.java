package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.TradeResult;
import org.junit.jupiter.api.Test;

/** One position per symbol. EURUSD: 1 lot = 100,000; market 1.10000 / 1.10020 to start. */
class NettingTest {

  private final SimAccount account = SimAccount.netting().balance("100000").open()
      .tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_same_side_deal_adds_volume_at_the_volume_weighted_average_price() {
    long ticket = account.buy("EURUSD", "1").position(); // 1 at 1.10020
    account.tick("EURUSD", "1.10030", "1.10050");

    TradeResult added = account.buy("EURUSD", "1"); // 1 at 1.10050

    // (1.10020 x 1 + 1.10050 x 1) / 2 = 1.10035
    assertThat(added.position()).isEqualTo(ticket);
    assertThat(account.positions()).singleElement().satisfies(p -> {
      assertThat(p.volume()).isEqualByComparingTo("2");
      assertThat(p.priceOpen()).isEqualByComparingTo("1.10035");
    });
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.IN);
  }

  @Test
  void an_average_that_does_not_terminate_keeps_three_decimals_more_than_the_quote() {
    account.buy("EURUSD", "0.1"); // at 1.10020
    account.tick("EURUSD", "1.10031", "1.10051");

    account.buy("EURUSD", "0.2"); // at 1.10051

    // (0.1 x 1.10020 + 0.2 x 1.10051) / 0.3 = 0.330122 / 0.3 = 1.1004066... -> 1.10040667
    assertThat(account.positions().get(0).priceOpen()).isEqualByComparingTo("1.10040667");
  }

  @Test
  void an_opposite_smaller_deal_reduces_the_position_realizing_profit_on_the_closed_part() {
    long ticket = account.buy("EURUSD", "2", "1.09000", "1.12000").position(); // at 1.10020
    account.tick("EURUSD", "1.10100", "1.10120");

    account.sell("EURUSD", "0.5"); // at the bid 1.10100

    // (1.10100 - 1.10020) x 100,000 x 0.5 = 40.00
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.OUT);
    assertThat(account.lastDeal().position()).isEqualTo(ticket);
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("40.00");
    Position left = account.position(ticket);
    assertThat(left.volume()).isEqualByComparingTo("1.5");
    assertThat(left.priceOpen()).isEqualByComparingTo("1.10020");
    assertThat(left.sl()).isEqualByComparingTo("1.09000"); // a partial close keeps the stops
    assertThat(left.tp()).isEqualByComparingTo("1.12000");
  }

  @Test
  void an_opposite_deal_of_the_same_volume_closes_the_position() {
    long ticket = account.buy("EURUSD", "1").position();
    account.tick("EURUSD", "1.10100", "1.10120");

    account.sell("EURUSD", "1");

    assertThat(account.positions()).isEmpty();
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.OUT);
    assertThat(closedPositionEvents(ticket)).isEqualTo(1);
  }

  @Test
  void a_larger_opposite_deal_reverses_the_position_at_the_deal_price_with_the_new_stops() {
    long ticket = account.buy("EURUSD", "1", "1.09000", "0").position(); // at 1.10020
    account.tick("EURUSD", "1.10100", "1.10120");

    account.sell("EURUSD", "3", "1.11000", "1.09500"); // at the bid 1.10100

    // closes 1 lot: (1.10100 - 1.10020) x 100,000 = 80.00, then 2 lots short at 1.10100
    assertThat(account.lastDeal().entry()).isEqualTo(DealEntry.INOUT);
    assertThat(account.lastDeal().volume()).isEqualByComparingTo("3");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("80.00");
    Position reversed = account.position(ticket);
    assertThat(reversed.type()).isEqualTo(Side.SELL);
    assertThat(reversed.volume()).isEqualByComparingTo("2");
    assertThat(reversed.priceOpen()).isEqualByComparingTo("1.10100");
    assertThat(reversed.sl()).isEqualByComparingTo("1.11000");
    assertThat(reversed.tp()).isEqualByComparingTo("1.09500");
  }

  @Test
  void when_volume_grows_the_new_requests_stops_replace_the_old_and_zero_clears() {
    account.buy("EURUSD", "1", "1.09000", "1.12000");

    account.buy("EURUSD", "1", "0", "1.11000");

    assertThat(account.positions().get(0).sl()).isEqualByComparingTo("0");
    assertThat(account.positions().get(0).tp()).isEqualByComparingTo("1.11000");
  }

  @Test
  void the_replaced_stop_loss_no_longer_triggers() {
    account.buy("EURUSD", "1", "1.09000", "0");
    account.buy("EURUSD", "1", "1.08000", "0");

    account.tick("EURUSD", "1.08900", "1.08920");

    assertThat(account.positions()).hasSize(1);
  }

  private long closedPositionEvents(long ticket) {
    return account.events.stream()
        .filter(e -> e instanceof AccountEvent.PositionChanged p && p.position().ticket() == ticket
            && p.position().volume().signum() == 0)
        .count();
  }
}
