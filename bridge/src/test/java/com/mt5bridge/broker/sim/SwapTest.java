package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.SwapMode;
import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * EURUSD with swapLong -7 and swapShort +2 points per lot per day; triple on Wednesday. The
 * account opens on Monday 2026-11-16 at 10:00; rollover is at midnight on the account clock.
 */
class SwapTest {

  private static SimAccount account() {
    return SimAccount.hedging().spec("EURUSD", s -> Specs.with(s).swaps(SwapMode.POINTS, "-7", "2")
            .tripleDay(DayOfWeek.WEDNESDAY).build()).open()
        .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T10:00:00Z");
  }

  @Test
  void a_long_is_charged_its_swap_at_midnight_in_the_equity_not_the_balance() {
    SimAccount account = account();
    long ticket = account.buy("EURUSD", "1").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T23:59:59.999Z");
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("0");

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T00:00:00Z");
    // -7 points x 0.00001 x 100,000 x 1 lot = -7.00 USD
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-7.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("10000.00");
    // equity = 10,000 + (1.10000 - 1.10020) x 100,000 - 7 = 9,973
    assertThat(account.figures().equity()).isEqualByComparingTo("9973.00");
  }

  @Test
  void with_the_server_on_eastern_european_time_the_rollover_is_at_its_midnight_and_the_weekend_is_its_own() {
    // Europe/Athens is UTC+2 in November: midnight there is 22:00 UTC the day before.
    SimAccount account = SimAccount.hedging().policies(new AccountSettings.Policies(
            AccountSettings.HedgedMargin.LARGER_LEG, AccountSettings.ConversionPrice.MID, ZoneId.of("Europe/Athens")))
        .spec("EURUSD", s -> Specs.with(s).swaps(SwapMode.POINTS, "-7", "2").tripleDay(DayOfWeek.WEDNESDAY).build())
        .open().tickAt("EURUSD", "1.10000", "1.10020", "2026-11-20T19:00:00Z"); // Friday 21:00 in Athens
    long ticket = account.buy("EURUSD", "1").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-20T21:59:59.999Z");
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("0");
    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-20T22:00:00Z"); // Saturday 00:00 in Athens
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-7.00"); // Friday's day

    // Athens' Saturday and Sunday end at 22:00 UTC on Saturday and Sunday: not charged. Monday's does, at 22:00.
    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-23T21:59:00Z");
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-7.00");
    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-23T22:00:00Z");
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-14.00");
  }

  @Test
  void wednesdays_rollover_charges_three_days() {
    SimAccount account = account();
    long ticket = account.buy("EURUSD", "1").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-19T00:00:01Z"); // Thursday

    // Monday 1 + Tuesday 1 + Wednesday 3 = 5 days x -7.00 = -35.00
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-35.00");
  }

  @Test
  void saturday_and_sunday_are_not_charged() {
    SimAccount account = SimAccount.hedging().spec("EURUSD", s -> Specs.with(s).swaps(SwapMode.POINTS, "-7", "2")
            .tripleDay(DayOfWeek.WEDNESDAY).build()).open()
        .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-20T21:00:00Z"); // Friday
    long ticket = account.buy("EURUSD", "1").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-23T00:05:00Z"); // Monday

    // Friday's rollover only: -7.00
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-7.00");
  }

  @Test
  void a_short_earns_its_positive_swap() {
    SimAccount account = account();
    long ticket = account.sell("EURUSD", "2").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T00:00:00Z");

    // +2 points x 0.00001 x 100,000 x 2 lots = +4.00
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("4.00");
  }

  @Test
  void closing_realizes_the_accrued_swap_into_the_deal_and_the_balance() {
    SimAccount account = account();
    long ticket = account.buy("EURUSD", "1").position();
    account.tickAt("EURUSD", "1.10100", "1.10120", "2026-11-17T09:00:00Z");

    account.close(ticket);

    // profit (1.10100 - 1.10020) x 100,000 = 80; swap -7; balance 10,073
    assertThat(account.lastDeal().swap()).isEqualByComparingTo("-7.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("10073.00");
  }

  @Test
  void a_partial_close_realizes_its_share_of_the_swap() {
    SimAccount account = account();
    long ticket = account.buy("EURUSD", "1").position();
    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T09:00:00Z");

    account.close(ticket, "0.4");

    // -7.00 x 0.4 = -2.80 realized; -4.20 stays with the position
    assertThat(account.lastDeal().swap()).isEqualByComparingTo("-2.80");
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-4.20");
  }

  @Test
  void money_mode_swaps_are_deposit_currency_per_lot() {
    SimAccount account = SimAccount.hedging().spec("EURUSD", s -> Specs.with(s).swaps(SwapMode.MONEY, "-5", "1")
            .build()).open()
        .tickAt("EURUSD", "1.10000", "1.10020", "2026-11-16T10:00:00Z");
    long ticket = account.buy("EURUSD", "2").position();

    account.tickAt("EURUSD", "1.10000", "1.10020", "2026-11-17T00:00:00Z");

    // -5 x 2 lots = -10.00
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-10.00");
  }

  @Test
  void swap_points_in_a_foreign_profit_currency_are_converted() {
    SimAccount account = SimAccount.hedging().spec("USDJPY", s -> Specs.with(s).swaps(SwapMode.POINTS, "-10", "0")
            .build()).open()
        .tickAt("USDJPY", "150.000", "150.020", "2026-11-16T10:00:00Z");
    long ticket = account.buy("USDJPY", "1").position();

    account.tickAt("USDJPY", "150.000", "150.020", "2026-11-17T00:00:00Z");

    // -10 points x 0.001 x 100,000 = -1,000 JPY; / mid 150.010 = -6.6662... -> -6.67 USD
    assertThat(account.position(ticket).swap()).isEqualByComparingTo("-6.67");
  }
}
