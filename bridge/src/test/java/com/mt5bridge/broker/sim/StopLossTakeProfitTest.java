package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.DealReason;
import org.junit.jupiter.api.Test;

/** Fills at the triggering tick's own bid/ask; equality triggers. EURUSD: 1 lot = 100,000. */
class StopLossTakeProfitTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_longs_stop_loss_triggers_when_the_bid_equals_it() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "0").position(); // at 1.10020

    account.tick("EURUSD", "1.09900", "1.09920");

    Deal deal = account.lastDeal();
    assertThat(account.positions()).isEmpty();
    assertThat(deal.position()).isEqualTo(ticket);
    assertThat(deal.entry()).isEqualTo(DealEntry.OUT);
    assertThat(deal.reason()).isEqualTo(DealReason.SL);
    assertThat(deal.price()).isEqualByComparingTo("1.09900");
    // (1.09900 - 1.10020) x 100,000 = -120.00
    assertThat(deal.profit()).isEqualByComparingTo("-120.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("9880.00");
  }

  @Test
  void a_longs_stop_loss_does_not_trigger_a_point_above() {
    account.buy("EURUSD", "1", "1.09900", "0");

    account.tick("EURUSD", "1.09901", "1.09921");

    assertThat(account.positions()).hasSize(1);
  }

  @Test
  void a_gap_through_a_longs_stop_loss_fills_at_the_worse_bid() {
    account.buy("EURUSD", "1", "1.09900", "0");

    account.tick("EURUSD", "1.09850", "1.09870");

    // (1.09850 - 1.10020) x 100,000 = -170.00
    assertThat(account.lastDeal().price()).isEqualByComparingTo("1.09850");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("-170.00");
  }

  @Test
  void a_longs_take_profit_triggers_at_the_bid_and_a_gap_fills_better() {
    account.buy("EURUSD", "1", "0", "1.10100");

    account.tick("EURUSD", "1.10150", "1.10170");

    // (1.10150 - 1.10020) x 100,000 = 130.00
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.TP);
    assertThat(account.lastDeal().price()).isEqualByComparingTo("1.10150");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("130.00");
  }

  @Test
  void a_shorts_stop_loss_watches_the_ask_even_when_the_bid_is_below_it() {
    account.sell("EURUSD", "1", "1.10100", "0"); // at 1.10000

    account.tick("EURUSD", "1.10085", "1.10100");

    // bought back at the ask: (1.10000 - 1.10100) x 100,000 = -100.00
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.SL);
    assertThat(account.lastDeal().price()).isEqualByComparingTo("1.10100");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("-100.00");
  }

  @Test
  void a_shorts_take_profit_watches_the_ask_not_the_bid() {
    account.sell("EURUSD", "1", "0", "1.09900"); // at 1.10000

    account.tick("EURUSD", "1.09900", "1.09920"); // the bid reaches the TP, the ask does not
    assertThat(account.positions()).hasSize(1);

    account.tick("EURUSD", "1.09880", "1.09900");
    // (1.10000 - 1.09900) x 100,000 = 100.00
    assertThat(account.positions()).isEmpty();
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.TP);
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("100.00");
  }

  @Test
  void a_close_by_stop_loss_records_a_closing_order_with_the_reason_and_the_level_in_the_comment() {
    account.buy("EURUSD", "1", "1.09900", "0");

    account.tick("EURUSD", "1.09850", "1.09870");

    assertThat(account.order(account.lastDeal().order()).reason()).isEqualTo(DealReason.SL);
    assertThat(account.lastDeal().comment()).isEqualTo("[sl 1.09900]");
  }
}
