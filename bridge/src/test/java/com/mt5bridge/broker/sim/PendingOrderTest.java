package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.OrderState;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.TradeResult;
import org.junit.jupiter.api.Test;

/** Market 1.10000 / 1.10020. Triggered orders fill at the triggering tick's price. */
class PendingOrderTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_buy_limit_is_placed_and_fills_when_the_ask_reaches_it_at_that_ask() {
    TradeResult placed = account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900");
    assertThat(placed.retcode()).isEqualTo(Retcode.PLACED);
    assertThat(placed.retcode().code()).isEqualTo(10008);
    assertThat(placed.deal()).isZero();

    account.tick("EURUSD", "1.09890", "1.09910"); // ask above the limit
    assertThat(account.positions()).isEmpty();

    account.tick("EURUSD", "1.09870", "1.09890"); // ask below: a gap fills a limit better
    assertThat(account.positions()).hasSize(1);
    assertThat(account.position(placed.order()).priceOpen()).isEqualByComparingTo("1.09890");
    assertThat(account.order(placed.order()).state()).isEqualTo(OrderState.FILLED);
    assertThat(account.lastDeal().order()).isEqualTo(placed.order());
  }

  @Test
  void a_sell_limit_fills_when_the_bid_reaches_it() {
    long order = account.pending(OrderType.SELL_LIMIT, "EURUSD", "1", "1.10100").order();

    account.tick("EURUSD", "1.10130", "1.10150");

    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.10130");
  }

  @Test
  void a_buy_stop_fills_at_the_ask_of_the_triggering_tick_worse_on_a_gap() {
    long order = account.pending(OrderType.BUY_STOP, "EURUSD", "1", "1.10100").order();

    account.tick("EURUSD", "1.10070", "1.10090");
    assertThat(account.positions()).isEmpty();

    account.tick("EURUSD", "1.10110", "1.10130");
    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.10130");
  }

  @Test
  void a_sell_stop_fills_when_the_bid_falls_to_it() {
    long order = account.pending(OrderType.SELL_STOP, "EURUSD", "1", "1.09900").order();

    account.tick("EURUSD", "1.09900", "1.09920");

    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.09900");
  }

  @Test
  void a_buy_stop_limit_becomes_a_buy_limit_and_does_not_fill_on_that_tick_unless_the_limit_is_met() {
    long order = account.order(OrderType.BUY_STOP_LIMIT, "EURUSD", "1", "1.10100", "1.10050", "0", "0",
        Expiration.GTC).order();

    account.tick("EURUSD", "1.10090", "1.10110"); // the stop triggers; the ask is above the limit
    assertThat(account.positions()).isEmpty();
    assertThat(account.orders()).singleElement().satisfies(o -> {
      assertThat(o.ticket()).isEqualTo(order);
      assertThat(o.type()).isEqualTo(OrderType.BUY_LIMIT);
      assertThat(o.priceOpen()).isEqualByComparingTo("1.10050");
      assertThat(o.state()).isEqualTo(OrderState.PLACED);
    });

    account.tick("EURUSD", "1.10030", "1.10050");
    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.10050");
  }

  @Test
  void a_stop_limit_fills_on_the_triggering_tick_when_that_tick_also_meets_the_limit() {
    long order = account.order(OrderType.BUY_STOP_LIMIT, "EURUSD", "1", "1.10100", "1.10100", "0", "0",
        Expiration.GTC).order();

    account.tick("EURUSD", "1.10080", "1.10100");

    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.10100");
  }

  @Test
  void a_sell_stop_limit_becomes_a_sell_limit_above_its_stop() {
    long order = account.order(OrderType.SELL_STOP_LIMIT, "EURUSD", "1", "1.09900", "1.09950", "0", "0",
        Expiration.GTC).order();

    account.tick("EURUSD", "1.09890", "1.09910");
    assertThat(account.orders()).singleElement().extracting(o -> o.type()).isEqualTo(OrderType.SELL_LIMIT);

    account.tick("EURUSD", "1.09960", "1.09980");
    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.09960");
  }

  @Test
  void a_pending_orders_stops_go_to_its_position() {
    long order = account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900", "0", "1.09800", "1.10000",
        Expiration.GTC).order();

    account.tick("EURUSD", "1.09880", "1.09900");

    assertThat(account.position(order).sl()).isEqualByComparingTo("1.09800");
    assertThat(account.position(order).tp()).isEqualByComparingTo("1.10000");
  }

  @Test
  void a_fill_whose_stop_loss_the_same_tick_already_reaches_closes_on_that_tick() {
    account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900", "0", "1.09850", "0", Expiration.GTC);

    account.tick("EURUSD", "1.09800", "1.09820");

    // bought at the ask 1.09820, stopped at the bid 1.09800: (1.09800 - 1.09820) x 100,000 = -20.00
    assertThat(account.positions()).isEmpty();
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.SL);
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("-20.00");
  }

  @Test
  void an_order_that_triggers_without_the_money_for_its_margin_is_rejected() {
    SimAccount small = SimAccount.hedging().balance("100").open().tick("EURUSD", "1.10000", "1.10020");
    long order = small.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900").order();

    small.tick("EURUSD", "1.09880", "1.09900");

    // 1 lot needs 1,000 EUR (about 1,099 USD) of margin; the account has 100 USD.
    assertThat(small.positions()).isEmpty();
    assertThat(small.orders()).isEmpty();
    assertThat(small.order(order).state()).isEqualTo(OrderState.REJECTED);
  }
}
