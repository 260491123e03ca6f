package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

/** Profit in the symbol's profit currency, converted through the linking pair, rounded once per deal. */
class ProfitConversionTest {

  @Test
  void yen_profit_on_a_dollar_account_divides_by_usdjpy() {
    SimAccount account = SimAccount.hedging().open().tick("USDJPY", "150.000", "150.020");
    long ticket = account.buy("USDJPY", "1").position(); // at 150.020
    account.tick("USDJPY", "150.520", "150.540");

    account.close(ticket); // at the bid 150.520

    // (150.520 - 150.020) x 100,000 = 50,000 JPY; / mid 150.530 = 332.1597... -> 332.16 USD
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("332.16");
  }

  @Test
  void pound_profit_on_a_dollar_account_multiplies_by_gbpusd() {
    SimAccount account = SimAccount.hedging().open()
        .tick("GBPUSD", "1.27000", "1.27020")
        .tick("EURUSD", "1.10000", "1.10020")
        .tick("EURGBP", "0.85000", "0.85020");
    long ticket = account.buy("EURGBP", "1").position(); // at 0.85020
    account.tick("EURGBP", "0.85120", "0.85140");

    account.close(ticket);

    // (0.85120 - 0.85020) x 100,000 = 100 GBP; x mid 1.27010 = 127.01 USD
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("127.01");
  }

  @Test
  void without_a_direct_pair_money_converts_through_an_intermediate_currency() {
    SimAccount account = SimAccount.hedging().currency("CAD").open()
        .tick("GBPUSD", "1.27000", "1.27020")
        .tick("USDCAD", "1.36000", "1.36020")
        .tick("EURUSD", "1.10000", "1.10020")
        .tick("EURGBP", "0.85000", "0.85020");
    long ticket = account.buy("EURGBP", "1").position();
    account.tick("EURGBP", "0.85120", "0.85140");

    account.close(ticket);

    // 100 GBP x GBPUSD mid 1.27010 = 127.01 USD; x USDCAD mid 1.36010 = 172.746301 -> 172.75 CAD
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("172.75");
  }

  @Test
  void the_conversion_policy_chooses_the_side_of_the_linking_pair() {
    SimAccount account = SimAccount.hedging().policies(new AccountSettings.Policies(
        AccountSettings.HedgedMargin.LARGER_LEG, AccountSettings.ConversionPrice.BID,
        AccountSettings.Policies.UTC)).open()
        .tick("GBPUSD", "1.27000", "1.27020")
        .tick("EURUSD", "1.10000", "1.10020")
        .tick("EURGBP", "0.85000", "0.85020");
    long ticket = account.buy("EURGBP", "1").position();
    account.tick("EURGBP", "0.85120", "0.85140");

    account.close(ticket);

    // 100 GBP x the GBPUSD bid 1.27000 = 127.00 USD
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("127.00");
  }

  @Test
  void trading_before_the_linking_pair_has_a_price_is_market_closed() {
    SimAccount account = SimAccount.hedging().open().tick("EURGBP", "0.85000", "0.85020");

    assertThat(account.buy("EURGBP", "1").retcode()).isEqualTo(Retcode.MARKET_CLOSED);
  }

  @Test
  void a_loss_is_rounded_half_up_away_from_zero_once_per_deal() {
    SimAccount account = SimAccount.hedging().open().tick("USDJPY", "150.000", "150.020");
    long ticket = account.buy("USDJPY", "0.01").position(); // at 150.020
    account.tick("USDJPY", "149.990", "150.010");

    account.close(ticket); // at 149.990

    // (149.990 - 150.020) x 1,000 = -30 JPY; / mid 150.000 = -0.2 USD -> -0.20
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("-0.20");
  }
}
