package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeResult;
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
  @Test
  void an_order_worth_more_than_the_account_can_count_is_refused_no_money_and_changes_nothing() {
    // GBPUSD's 5 digits allow prices under 10^10, so a feed's 9,999,999,999.99999 is taken: no position is
    // valued at it. 0.1 lot bought at it is worth 10^14 USD, past the 9.2 * 10^10 USD an account counts.
    // Before, the margin check overflowed inside the account, which dropped the batch and rebuilt itself.
    SimAccount account = SimAccount.hedging().open().tick("GBPUSD", "9999999999.99998", "9999999999.99999");

    TradeResult refused = account.buy("GBPUSD", "0.1");

    assertThat(refused.retcode()).isEqualTo(Retcode.NO_MONEY);
    assertThat(refused.comment()).isEqualTo("not enough money: 0.10 GBPUSD at 9999999999.99999 is worth more than "
        + "the account can count");
    assertThat(account.figures().balance()).isEqualByComparingTo("10000.00");
    assertThat(account.figures().margin()).isEqualByComparingTo("0.00");
    assertThat(account.broker.snapshot().positions()).isEmpty();
    // A sound price next, and the same order fills: 0.1 lot is 10,000 GBP, its margin at 1:100 is 100 GBP,
    // 127.01 USD at the mid price of 1.27010.
    account.tickAt("GBPUSD", "1.27000", "1.27020", SimAccount.START.plusSeconds(1));
    assertThat(account.buy("GBPUSD", "0.1").retcode()).isEqualTo(Retcode.DONE);
    assertThat(account.figures().margin()).isEqualByComparingTo("127.01");
  }

  @Test
  void a_pending_price_sl_or_tp_beyond_any_price_the_symbol_can_have_is_refused() {
    // EURUSD's 5 digits: counted in points in a long, a price must stay under 10^10. 10^14 overflowed inside
    // the account, which dropped the batch and rebuilt itself (its prices lost until the next tick).
    TradeResult limit = account.pending(OrderType.SELL_LIMIT, "EURUSD", "0.1", "99999999999999");
    TradeResult tp = account.buy("EURUSD", "0.1", "0", "99999999999999");

    assertThat(limit.retcode()).isEqualTo(Retcode.INVALID_PRICE);
    assertThat(limit.comment()).isEqualTo("price 99999999999999 is beyond any price EURUSD can have (under 10^10)");
    assertThat(tp.retcode()).isEqualTo(Retcode.INVALID_STOPS);
    assertThat(tp.comment()).isEqualTo("tp 99999999999999 is beyond any price EURUSD can have (under 10^10)");
    assertThat(account.broker.snapshot().orders()).isEmpty();
    assertThat(account.broker.snapshot().positions()).isEmpty();
    // The highest price EURUSD can have is still a price: a sell limit far above the market is placed.
    assertThat(account.pending(OrderType.SELL_LIMIT, "EURUSD", "0.1", "9999999999.99999").retcode())
        .isEqualTo(Retcode.PLACED);
  }
}
