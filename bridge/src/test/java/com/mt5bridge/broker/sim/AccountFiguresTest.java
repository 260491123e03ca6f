package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountFigures;
import org.junit.jupiter.api.Test;

class AccountFiguresTest {

  @Test
  void equity_free_margin_and_margin_level_follow_the_price() {
    SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");
    account.buy("EURUSD", "1"); // at 1.10020

    account.tick("EURUSD", "1.10045", "1.10065");

    AccountFigures figures = account.figures();
    // profit (1.10045 - 1.10020) x 100,000 = 25.00; equity 10,025.00
    // margin 1,000 EUR x mid 1.10055 = 1,100.55; free 10,025.00 - 1,100.55 = 8,924.45
    // level 10,025.00 / 1,100.55 x 100 = 910.909... -> 910.91
    assertThat(figures.balance()).isEqualByComparingTo("10000.00");
    assertThat(figures.profit()).isEqualByComparingTo("25.00");
    assertThat(figures.equity()).isEqualByComparingTo("10025.00");
    assertThat(figures.margin()).isEqualByComparingTo("1100.55");
    assertThat(figures.freeMargin()).isEqualByComparingTo("8924.45");
    assertThat(figures.marginLevel()).isEqualByComparingTo("910.91");
  }

  @Test
  void without_margin_the_margin_level_is_null_and_free_margin_is_equity() {
    SimAccount account = SimAccount.hedging().open();

    AccountFigures figures = account.figures();

    assertThat(figures.margin()).isEqualByComparingTo("0");
    assertThat(figures.marginLevel()).isNull();
    assertThat(figures.freeMargin()).isEqualByComparingTo("10000.00");
  }

  @Test
  void the_account_clock_is_the_time_of_the_latest_tick() {
    SimAccount account = SimAccount.hedging().open();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T12:34:56.789Z");

    assertThat(account.figures().time()).isEqualTo("2026-11-16T12:34:56.789Z");
  }

  @Test
  void an_older_tick_moves_the_price_but_not_the_clock_back() {
    SimAccount account = SimAccount.hedging().open()
        .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T12:00:00Z");

    account.tickAt("EURUSD", "1.10100", "1.10120", "2026-11-16T11:00:00Z");

    assertThat(account.figures().time()).isEqualTo("2026-11-16T12:00:00Z");
    assertThat(account.buy("EURUSD", "1").price()).isEqualByComparingTo("1.10120");
  }
}
