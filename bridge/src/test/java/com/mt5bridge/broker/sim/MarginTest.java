package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

/**
 * MT5's margin formulas, in the margin currency, converted to the deposit currency (USD) at the
 * linking pair's mid price. Leverage 100 unless said otherwise.
 */
class MarginTest {

  private static SimAccount.Builder usd() {
    return SimAccount.hedging().balance("100000").leverage(100);
  }

  @Test
  void forex_margin_is_lots_times_contract_size_over_leverage_in_the_base_currency() {
    SimAccount account = usd().open().tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "1");

    // 1 x 100,000 / 100 x 1.0 = 1,000 EUR; EUR -> USD at the EURUSD mid 1.10010 = 1,100.10
    assertThat(account.figures().margin()).isEqualByComparingTo("1100.10");
  }

  @Test
  void forex_margin_in_the_deposit_currency_needs_no_conversion() {
    SimAccount account = usd().open().tick("USDJPY", "150.000", "150.020");

    account.buy("USDJPY", "1");

    // 1 x 100,000 / 100 = 1,000 USD
    assertThat(account.figures().margin()).isEqualByComparingTo("1000.00");
  }

  @Test
  void forex_margin_follows_the_conversion_rate_as_prices_move() {
    SimAccount account = usd().open().tick("EURUSD", "1.10000", "1.10020");
    account.buy("EURUSD", "1");

    account.tick("EURUSD", "1.20000", "1.20020");

    // 1,000 EUR at the mid 1.20010 = 1,200.10
    assertThat(account.figures().margin()).isEqualByComparingTo("1200.10");
  }

  @Test
  void forex_no_leverage_margin_ignores_the_leverage() {
    SimAccount account = usd().spec("EURUSD", s -> Specs.with(s).calcMode(CalcMode.FOREX_NO_LEVERAGE).build()).open()
        .tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "0.01");

    // 0.01 x 100,000 x 1.0 = 1,000 EUR -> 1,100.10 USD
    assertThat(account.figures().margin()).isEqualByComparingTo("1100.10");
  }

  @Test
  void cfd_margin_is_lots_times_contract_size_times_price_times_rate() {
    SimAccount account = usd().open().tick("XAUUSD", "2400.00", "2400.50");

    account.buy("XAUUSD", "1");

    // 1 x 100 x 2400.50 (the ask, the buy's price) x 0.01 = 2,400.50 USD
    assertThat(account.figures().margin()).isEqualByComparingTo("2400.50");
  }

  @Test
  void cfd_index_margin_scales_by_tick_value_over_tick_size() {
    SimAccount account = usd().open().tick("US500", "5000.00", "5000.50");

    account.sell("US500", "2");

    // 2 x 1 x 5000.00 (the bid, the sell's price) x 0.01 / 0.01 x 0.05 = 500.00 USD
    assertThat(account.figures().margin()).isEqualByComparingTo("500.00");
  }

  @Test
  void cfd_leverage_margin_divides_by_the_account_leverage() {
    SimAccount account = usd().spec("XAUUSD", s -> Specs.with(s).calcMode(CalcMode.CFD_LEVERAGE).marginRate("1")
        .build()).open().tick("XAUUSD", "2400.00", "2400.50");

    account.buy("XAUUSD", "1");

    // 1 x 100 x 2400.50 / 100 x 1 = 2,400.50 USD
    assertThat(account.figures().margin()).isEqualByComparingTo("2400.50");
  }

  @Test
  void futures_margin_is_lots_times_initial_margin_and_profit_counts_ticks() {
    SimAccount account = usd().spec(Specs.with(BuiltInSymbols.all().get("US500")).name("ES")
        .calcMode(CalcMode.FUTURES).initialMargin("2500").marginRate("1").tick("0.25", "12.5")
        .currencies("USD", "USD", "USD").volumes("1", "100", "1").build()).open()
        .tick("ES", "4000.00", "4000.25");

    long ticket = account.buy("ES", "2").position();
    account.tick("ES", "4001.25", "4001.50");

    // margin: 2 x 2,500 x 1 = 5,000; profit: (4001.25 - 4000.25) x 12.5 / 0.25 x 2 = 100.00
    assertThat(account.figures().margin()).isEqualByComparingTo("5000.00");
    assertThat(account.position(ticket).profit()).isEqualByComparingTo("100.00");
  }

  @Test
  void exchange_stock_margin_is_the_full_notional() {
    SimAccount account = usd().spec(Specs.with(BuiltInSymbols.all().get("US500")).name("AAPL")
        .calcMode(CalcMode.EXCH_STOCKS).marginRate("1").volumes("1", "1000", "1").build()).open()
        .tick("AAPL", "200.00", "200.50");

    account.buy("AAPL", "10");

    // 10 x 1 x 200.50 x 1 = 2,005.00
    assertThat(account.figures().margin()).isEqualByComparingTo("2005.00");
  }

  @Test
  void an_initial_margin_on_a_forex_symbol_replaces_the_formula() {
    SimAccount account = usd().spec("EURUSD", s -> Specs.with(s).initialMargin("500").build()).open()
        .tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "0.5");

    // 0.5 x 500 x 1.0 = 250 EUR; x 1.10010 = 275.025 -> 275.03
    assertThat(account.figures().margin()).isEqualByComparingTo("275.03");
  }

  @Test
  void opposite_hedged_positions_pay_for_the_larger_leg() {
    SimAccount account = usd().open().tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "1");
    account.sell("EURUSD", "0.4");

    // max(1,000, 400) EUR = 1,000 EUR -> 1,100.10
    assertThat(account.figures().margin()).isEqualByComparingTo("1100.10");
  }

  @Test
  void opposite_hedged_positions_pay_for_both_legs_under_the_sum_policy() {
    SimAccount account = usd().policies(new AccountSettings.Policies(AccountSettings.HedgedMargin.SUM,
        AccountSettings.ConversionPrice.MID, AccountSettings.Policies.UTC)).open().tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "1");
    account.sell("EURUSD", "0.4");

    // (1,000 + 400) EUR = 1,400 EUR x 1.10010 = 1,540.14
    assertThat(account.figures().margin()).isEqualByComparingTo("1540.14");
  }

  @Test
  void a_trade_the_free_margin_cannot_carry_is_no_money() {
    SimAccount account = SimAccount.hedging().balance("1000").open().tick("EURUSD", "1.10000", "1.10020");

    // 1 lot needs 1,100.10 USD > 1,000 equity; 0.9 lot needs 900 x 1.10010 = 990.09
    assertThat(account.buy("EURUSD", "1").retcode()).isEqualTo(Retcode.NO_MONEY);
    assertThat(account.buy("EURUSD", "0.9").retcode()).isEqualTo(Retcode.DONE);
  }

  @Test
  void reducing_exposure_needs_no_free_margin() {
    SimAccount account = SimAccount.netting().balance("1000").open().tick("EURUSD", "1.10000", "1.10020");
    account.buy("EURUSD", "0.9");
    account.tick("EURUSD", "1.09500", "1.09520"); // free margin now negative

    assertThat(account.sell("EURUSD", "0.5").retcode()).isEqualTo(Retcode.DONE);
  }
}
