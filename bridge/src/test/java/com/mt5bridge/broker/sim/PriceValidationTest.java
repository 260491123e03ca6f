package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

class PriceValidationTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_pending_price_that_is_not_a_multiple_of_the_tick_size_is_invalid_price() {
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.099995").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
  }

  @Test
  void a_pending_order_needs_a_positive_price() {
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "0").retcode()).isEqualTo(Retcode.INVALID_PRICE);
    assertThat(account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "-1.09").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
  }

  @Test
  void a_stop_loss_off_the_tick_size_is_invalid_stops() {
    assertThat(account.buy("EURUSD", "1", "1.099995", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void a_negative_take_profit_is_invalid_stops() {
    assertThat(account.buy("EURUSD", "1", "0", "-1.2").retcode()).isEqualTo(Retcode.INVALID_STOPS);
  }

  @Test
  void the_tick_size_not_the_point_decides() {
    // Gold quoted to 0.01 but trading in 0.05 ticks.
    SimAccount gold = SimAccount.hedging().spec("XAUUSD", s -> Specs.with(s).tick("0.05", "5").build()).open()
        .tick("XAUUSD", "2400.00", "2400.50");

    assertThat(gold.pending(OrderType.BUY_LIMIT, "XAUUSD", "0.01", "2390.03").retcode())
        .isEqualTo(Retcode.INVALID_PRICE);
    assertThat(gold.pending(OrderType.BUY_LIMIT, "XAUUSD", "0.01", "2390.05").retcode()).isEqualTo(Retcode.PLACED);
  }
}
