package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Tick;
import java.math.BigDecimal;
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

  @Test
  void a_price_the_positions_cannot_be_valued_at_is_ignored_and_the_last_one_kept() {
    SimAccount eurusd = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");
    long ticket = eurusd.buy("EURUSD", "1").order();
    BigDecimal equity = eurusd.figures().equity();

    // 1 lot is 100,000 EUR: at 10^9 its value is 10^14 USD, past the 9.2 * 10^10 USD an account counts in
    // 10^-8 units in a long. A feed's mistake; before, it threw out of the tick and dropped the batch.
    boolean priced = eurusd.broker.onTick(new Tick("EURUSD", new BigDecimal("1000000000.00000"),
        new BigDecimal("1000000000.00020"), SimAccount.START.plusSeconds(1)));

    assertThat(priced).isFalse();
    assertThat(eurusd.position(ticket).priceCurrent()).isEqualByComparingTo("1.10000");
    assertThat(eurusd.figures().equity()).isEqualByComparingTo(equity);
    // The next sound price is taken as ever: 1 lot bought at 1.10020, valued at the bid of 1.10120: +100 USD.
    eurusd.tickAt("EURUSD", "1.10120", "1.10140", SimAccount.START.plusSeconds(2));
    assertThat(eurusd.position(ticket).profit()).isEqualByComparingTo("100.00");
  }
}
