package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.StopOutMode;
import org.junit.jupiter.api.Test;

/**
 * Balance 1,000 USD, leverage 100, margin call at 100 %, stop-out at 50 %. 0.9 lot EURUSD bought
 * at 1.10020 carries 900 EUR of margin, converted at the EURUSD mid.
 */
class StopOutTest {

  private final SimAccount account = SimAccount.hedging().balance("1000").open()
      .tick("EURUSD", "1.10000", "1.10020");

  @Test
  void the_account_is_flagged_at_or_below_the_margin_call_level() {
    assertThat(account.figures().marginCall()).isFalse();

    account.buy("EURUSD", "0.9");

    // equity 1,000 + (1.10000 - 1.10020) x 90,000 = 982; margin 900 x 1.10010 = 990.09; level 99.18 %
    assertThat(account.figures().marginLevel()).isEqualByComparingTo("99.18");
    assertThat(account.figures().marginCall()).isTrue();
  }

  @Test
  void just_above_the_stop_out_level_nothing_is_closed() {
    account.buy("EURUSD", "0.9");

    account.tick("EURUSD", "1.09470", "1.09490");

    // equity 1,000 + (1.09470 - 1.10020) x 90,000 = 505; margin 900 x 1.09480 = 985.32; level 51.25 %
    assertThat(account.positions()).hasSize(1);
    assertThat(account.figures().marginLevel()).isEqualByComparingTo("51.25");
  }

  @Test
  void at_or_below_the_stop_out_level_the_position_is_closed_with_reason_so() {
    account.buy("EURUSD", "0.9");

    account.tick("EURUSD", "1.09450", "1.09470");

    // equity 1,000 - 513 = 487; margin 900 x 1.09460 = 985.14; level 49.43 % <= 50 %: closed at the bid
    assertThat(account.positions()).isEmpty();
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.SO);
    assertThat(account.lastDeal().price()).isEqualByComparingTo("1.09450");
    assertThat(account.lastDeal().profit()).isEqualByComparingTo("-513.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("487.00");
    assertThat(account.figures().marginCall()).isFalse();
  }

  @Test
  void the_largest_loss_goes_first_and_closing_stops_once_the_level_recovers() {
    account.tick("GBPUSD", "1.27000", "1.27020");
    long euro = account.buy("EURUSD", "0.5").position();  // at 1.10020, 500 EUR margin
    long pound = account.buy("GBPUSD", "0.3").position(); // at 1.27020, 300 GBP margin

    account.tick("EURUSD", "1.08900", "1.08920");

    // EURUSD (1.08900 - 1.10020) x 50,000 = -560; GBPUSD (1.27000 - 1.27020) x 30,000 = -6
    // equity 434; margin 500 x 1.08910 + 300 x 1.27010 = 544.55 + 381.03 = 925.58; level 46.89 %
    // close EURUSD (-560): balance 440, equity 434, margin 381.03, level 113.9 %: stop
    assertThat(account.positions()).extracting(p -> p.ticket()).containsExactly(pound);
    assertThat(account.lastDeal().position()).isEqualTo(euro);
    assertThat(account.figures().balance()).isEqualByComparingTo("440.00");
  }

  @Test
  void in_money_mode_the_levels_are_equity_amounts() {
    SimAccount money = SimAccount.hedging().balance("1000").levels(StopOutMode.MONEY, "500", "300").open()
        .tick("EURUSD", "1.10000", "1.10020");
    money.buy("EURUSD", "0.9");

    money.tick("EURUSD", "1.09250", "1.09270");
    // equity 1,000 + (1.09250 - 1.10020) x 90,000 = 307 > 300; but <= 500: margin call
    assertThat(money.positions()).hasSize(1);
    assertThat(money.figures().marginCall()).isTrue();

    money.tick("EURUSD", "1.09240", "1.09260");
    // equity 1,000 - 702 = 298 <= 300: stop-out
    assertThat(money.positions()).isEmpty();
    assertThat(money.lastDeal().reason()).isEqualTo(DealReason.SO);
  }

  @Test
  void equality_with_the_levels_counts_as_reaching_them() {
    // XAUUSD: margin = 1 lot x 100 x 2400.00 x 0.01 = 2,400.00 USD, fixed at the open price.
    SimAccount gold = SimAccount.hedging().balance("2500").open().tick("XAUUSD", "2400.00", "2400.00");
    gold.buy("XAUUSD", "1");

    gold.tick("XAUUSD", "2399.01", "2399.01"); // equity 2,500 - 99 = 2,401: level 100.04 %
    assertThat(gold.figures().marginCall()).isFalse();
    gold.tick("XAUUSD", "2399.00", "2399.00"); // equity 2,400: level exactly 100 %
    assertThat(gold.figures().marginCall()).isTrue();

    gold.tick("XAUUSD", "2387.01", "2387.01"); // equity 1,201: level 50.04 %
    assertThat(gold.positions()).hasSize(1);
    gold.tick("XAUUSD", "2387.00", "2387.00"); // equity 1,200: level exactly 50 %
    assertThat(gold.positions()).isEmpty();
    assertThat(gold.lastDeal().reason()).isEqualTo(DealReason.SO);
  }
}
