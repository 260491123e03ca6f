package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommissionTest {

  @Test
  void commission_per_lot_is_charged_on_every_deal_and_shown_negative() {
    SimAccount account = SimAccount.hedging().commissionPerLot("7").open().tick("EURUSD", "1.10000", "1.10020");

    long ticket = account.buy("EURUSD", "1").position();
    assertThat(account.lastDeal().commission()).isEqualByComparingTo("-7.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("9993.00");

    account.tick("EURUSD", "1.10100", "1.10120");
    account.close(ticket);

    // 10,000 - 7 + 80 - 7 = 10,066
    assertThat(account.lastDeal().commission()).isEqualByComparingTo("-7.00");
    assertThat(account.figures().balance()).isEqualByComparingTo("10066.00");
  }

  @Test
  void commission_scales_with_volume_and_rounds_half_up_to_the_cent() {
    SimAccount account = SimAccount.hedging().commissionPerLot("3.333").open().tick("EURUSD", "1.10000", "1.10020");

    account.buy("EURUSD", "0.5");

    // 3.333 x 0.5 = 1.6665 -> 1.67
    assertThat(account.lastDeal().commission()).isEqualByComparingTo("-1.67");
  }

  @Test
  void the_balance_is_the_deposit_plus_profit_commission_and_swap_of_every_deal() {
    SimAccount account = SimAccount.hedging().commissionPerLot("2.5").open().tick("EURUSD", "1.10000", "1.10020");
    long a = account.buy("EURUSD", "0.3").position();
    long b = account.sell("EURUSD", "0.7").position();
    account.tick("EURUSD", "1.09950", "1.09970");
    account.close(a);
    account.close(b, "0.2");

    var sum = account.deals().stream()
        .map(d -> d.profit().add(d.commission()).add(d.swap()))
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);

    assertThat(account.figures().balance()).isEqualByComparingTo(sum);
  }
}
