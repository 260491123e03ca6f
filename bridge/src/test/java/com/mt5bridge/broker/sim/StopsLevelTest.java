package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

/** EURUSD with stopsLevel 10 points = 0.00010; market 1.10000 / 1.10020. */
class StopsLevelTest {

  private final SimAccount account = SimAccount.hedging()
      .spec("EURUSD", s -> Specs.with(s).stopsLevel(10).build()).open()
      .tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_buy_stop_loss_exactly_stops_level_below_the_bid_is_accepted() {
    // bid - SL = 1.10000 - 1.09990 = 0.00010 >= 0.00010
    assertThat(account.buy("EURUSD", "1", "1.09990", "0").retcode()).isEqualTo(Retcode.DONE);
  }

  @Test
  void a_buy_stop_loss_closer_than_stops_level_is_invalid_stops() {
    // bid - SL = 0.00009 < 0.00010
    assertThat(account.buy("EURUSD", "1", "1.09991", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void a_buy_take_profit_is_measured_from_the_bid() {
    // TP - bid: 1.10010 - 1.10000 = 0.00010 passes; 1.10009 gives 0.00009
    assertThat(account.buy("EURUSD", "1", "0", "1.10010").retcode()).isEqualTo(Retcode.DONE);
    assertThat(account.buy("EURUSD", "1", "0", "1.10009").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void a_sell_measures_its_stops_from_the_ask() {
    // SL - ask: 1.10030 - 1.10020 = 0.00010; ask - TP: 1.10020 - 1.10010 = 0.00010
    assertThat(account.sell("EURUSD", "1", "1.10030", "1.10010").retcode()).isEqualTo(Retcode.DONE);
    assertThat(account.sell("EURUSD", "1", "1.10029", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
    assertThat(account.sell("EURUSD", "1", "0", "1.10011").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void stops_on_the_wrong_side_are_invalid_even_without_a_stops_level() {
    SimAccount plain = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

    assertThat(plain.buy("EURUSD", "1", "1.10010", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
    assertThat(plain.buy("EURUSD", "1", "1.10000", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
    assertThat(plain.buy("EURUSD", "1", "1.09999", "0").retcode()).isEqualTo(Retcode.DONE);
    assertThat(plain.sell("EURUSD", "1", "0", "1.10030").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void a_pending_order_measures_its_stops_from_its_open_price() {
    // BUY_LIMIT at 1.09900: SL 1.09890 is 0.00010 below it; SL 1.09895 only 0.00005.
    assertThat(account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900", "0", "1.09890", "0", Expiration.GTC)
        .retcode()).isEqualTo(Retcode.PLACED);
    assertThat(account.order(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900", "0", "1.09895", "0", Expiration.GTC)
        .retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void a_pending_open_price_is_measured_from_the_market() {
    // BUY_LIMIT below the ask by >= 0.00010: 1.10010 (0.00010) passes, 1.10015 (0.00005) does not.
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.10010").retcode()).isEqualTo(Retcode.PLACED);
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.10015").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
    // BUY_STOP above the ask: 1.10030 passes, 1.10025 does not; a buy limit above the ask never does.
    assertThat(account.pending(OrderType.BUY_STOP, "EURUSD", "1", "1.10030").retcode()).isEqualTo(Retcode.PLACED);
    assertThat(account.pending(OrderType.BUY_STOP, "EURUSD", "1", "1.10025").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.10030").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
    // SELL_STOP below the bid, SELL_LIMIT above it.
    assertThat(account.pending(OrderType.SELL_STOP, "EURUSD", "1", "1.09990").retcode()).isEqualTo(Retcode.PLACED);
    assertThat(account.pending(OrderType.SELL_LIMIT, "EURUSD", "1", "1.10005").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
  }
}
