package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.Position;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  void the_accounts_profit_is_its_positions_profits_as_shown_and_equity_what_closing_them_leaves() {
    SimAccount account = SimAccount.hedging().open().tick("USDJPY", "150.000", "150.010");
    long first = account.buy("USDJPY", "0.01").position(); // 1,000 USD at 150.010
    long second = account.buy("USDJPY", "0.01").position();
    long third = account.buy("USDJPY", "0.01").position();

    account.tick("USDJPY", "150.078", "150.088");

    // Each: (150.078 - 150.010) x 1,000 = 68 JPY, at the mid 150.083 = 0.4530826 USD, shown 0.45.
    // Rounding the exact sum, 1.3592478, would give 1.36: a cent more than the three add up to.
    assertThat(account.positions()).extracting(p -> p.profit().toPlainString()).containsOnly("0.45");
    AccountFigures figures = account.figures();
    assertThat(figures.profit()).isEqualByComparingTo("1.35");
    assertThat(figures.equity()).isEqualByComparingTo("10001.35");

    // Closing them all at these prices realizes 0.45 each: the balance is the equity shown before.
    account.close(first);
    account.close(second);
    account.close(third);
    assertThat(account.figures().balance()).isEqualByComparingTo("10001.35");
    assertThat(account.figures().equity()).isEqualByComparingTo("10001.35");
  }

  @Test
  void the_accounts_profit_adds_up_to_its_positions_in_any_currency_at_any_price() {
    addsUp(SimAccount.hedging());
  }

  @Test
  void on_a_netting_account_too_whose_averaged_open_prices_have_more_decimals() {
    addsUp(SimAccount.netting());
  }

  /**
   * A GBP account trading six symbols: USD profits convert through GBPUSD, EUR ones through EURGBP,
   * JPY ones through two pairs (USDJPY, then GBPUSD); 400 random trades and ticks.
   */
  private static void addsUp(SimAccount.Builder builder) {
    SimAccount account = builder.currency("GBP").balance("1000000").open();
    Map<String, BigDecimal> bids = new LinkedHashMap<>(Map.of("EURUSD", new BigDecimal("1.10000"),
        "USDJPY", new BigDecimal("150.000"), "GBPUSD", new BigDecimal("1.27000"), "XAUUSD", new BigDecimal("2400.00"),
        "EURGBP", new BigDecimal("0.86000"), "EURJPY", new BigDecimal("165.000")));
    Random random = new Random(20261122);
    bids.forEach((symbol, bid) -> tick(account, symbol, bid));
    List<String> symbols = List.copyOf(bids.keySet());
    for (int round = 0; round < 400; round++) {
      String symbol = symbols.get(random.nextInt(symbols.size()));
      if (random.nextInt(3) == 0) {
        String lots = new BigDecimal(random.nextInt(1, 300)).movePointLeft(2).toPlainString();
        if (random.nextBoolean()) {
          account.buy(symbol, lots);
        } else {
          account.sell(symbol, lots);
        }
      }
      BigDecimal bid = bids.get(symbol);
      BigDecimal point = BigDecimal.ONE.movePointLeft(bid.scale());
      bid = bid.add(point.multiply(BigDecimal.valueOf(random.nextInt(-40, 41))));
      bids.put(symbol, bid);
      tick(account, symbol, bid);

      BigDecimal shown = account.positions().stream().map(Position::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(account.figures().profit()).as("round %d", round).isEqualByComparingTo(shown);
    }
    assertThat(account.positions()).isNotEmpty();
  }

  private static void tick(SimAccount account, String symbol, BigDecimal bid) {
    BigDecimal spread = BigDecimal.ONE.movePointLeft(bid.scale()).multiply(BigDecimal.valueOf(15));
    account.tick(symbol, bid.toPlainString(), bid.add(spread).toPlainString());
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
