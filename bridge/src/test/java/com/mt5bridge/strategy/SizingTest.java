package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sizing modes, with the alert's own size winning, floored to the volume step. Balance 10,000 USD. */
class SizingTest {

  private StrategyDesk desk = StrategyDesk.hedging();

  @AfterEach
  void close() {
    desk.close();
  }

  private static Sizing sizing(Sizing.Mode mode, String volume, String multiplier, String risk, String equity,
      String weight) {
    return new Sizing(mode, dec(volume), dec(multiplier), dec(risk), dec(equity), dec(weight));
  }

  private static BigDecimal dec(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  private BigDecimal opened(Strategy strategy, StrategyDesk.SignalOf signal) {
    List<TradeResult> results = desk.signal(strategy, signal);
    assertThat(results).hasSize(1);
    assertThat(results.getFirst().success()).as(results.toString()).isTrue();
    return results.getFirst().volume();
  }

  @Test
  void fixed_sizing_opens_the_strategy_volume() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    assertThat(opened(strategy(fixed("0.1"), Limits.NONE), buy("EURUSD"))).isEqualByComparingTo("0.1");
  }

  @Test
  void a_volume_off_the_step_is_floored_to_it() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    assertThat(opened(strategy(fixed("0.019"), Limits.NONE), buy("EURUSD"))).isEqualByComparingTo("0.01");
  }

  @Test
  void contracts_are_multiplied_into_lots() {
    desk.tick("EURUSD", "1.10000", "1.10020");
    Strategy units = strategy(sizing(Sizing.Mode.CONTRACTS, null, "0.00001", null, null, null), Limits.NONE);

    // 25,000 units x 0.00001 = 0.25 lots
    assertThat(opened(units, buy("EURUSD").contracts("25000"))).isEqualByComparingTo("0.25");
  }

  @Test
  void the_alert_volume_wins_over_the_strategy_mode() {
    desk.tick("EURUSD", "1.10000", "1.10020");
    Strategy risky = strategy(sizing(Sizing.Mode.RISK, null, null, "2", null, null), Limits.NONE);

    assertThat(opened(risky, buy("EURUSD").volume("0.07"))).isEqualByComparingTo("0.07");
  }

  @Test
  void risk_sizing_counts_the_commission_in_and_out() {
    desk.close();
    desk = StrategyDesk.hedgingWithCommission("5");
    desk.tick("EURUSD", "1.10000", "1.10020");
    Strategy risky = strategy(sizing(Sizing.Mode.RISK, null, null, "1", null, null), Limits.NONE);

    // 1% of 10,000 = 100. SL 20 pips under the ask: a lot loses 0.0020 x 100,000 = 200, plus 2 x 5
    // commission = 210. 100 / 210 = 0.476 lots, floored to 0.47.
    assertThat(opened(risky, buy("EURUSD").slPips("20"))).isEqualByComparingTo("0.47");
  }

  @Test
  void risk_sizing_converts_a_loss_in_yen_at_the_mid_price() {
    desk.tick("USDJPY", "150.000", "150.020");

    // SL 30 pips (0.300) under the ask: a lot loses 0.300 x 100,000 = 30,000 JPY = 30,000 / 150.010
    // (USDJPY mid) = 199.987 USD. 100 / 199.987 = 0.50003 lots, floored to 0.50.
    assertThat(opened(strategy(fixed("0.01"), Limits.NONE), buy("USDJPY").risk("1").slPips("30")))
        .isEqualByComparingTo("0.50");
  }

  @Test
  void allocation_by_weight_trades_that_share_of_equity_as_notional() {
    desk.tick("EURUSD", "1.10000", "1.10020");
    Strategy half = strategy(sizing(Sizing.Mode.ALLOCATION, null, null, null, null, "0.5"), Limits.NONE);

    // 0.5 x 10,000 = 5,000 USD; a lot is 100,000 EUR, at the mid price 1.10010 110,010 USD: 0.0454 lots,
    // floored to 0.04.
    assertThat(opened(half, buy("EURUSD"))).isEqualByComparingTo("0.04");
  }

  @Test
  void allocation_in_a_pair_whose_base_is_the_deposit_currency_is_exact() {
    desk.tick("USDJPY", "150.000", "150.020");
    Strategy half = strategy(sizing(Sizing.Mode.ALLOCATION, null, null, null, null, "0.5"), Limits.NONE);

    // A lot of USDJPY is 100,000 USD, so 5,000 USD is 0.05 lots; not 100,000 x 150.020 JPY at 150.010, which is
    // 100,006.67 USD and would floor 0.049997 to 0.04.
    assertThat(opened(half, buy("USDJPY"))).isEqualByComparingTo("0.05");
  }

  @Test
  void allocation_by_strategy_equity_uses_the_contract_size_of_the_symbol() {
    desk.tick("XAUUSD", "2400.00", "2400.30");
    Strategy gold = strategy(sizing(Sizing.Mode.ALLOCATION, null, null, null, "50000", null), Limits.NONE);

    // A lot of gold is 100 oz x 2,400.30 = 240,030 USD; 50,000 / 240,030 = 0.2083, floored to 0.20.
    assertThat(opened(gold, buy("XAUUSD"))).isEqualByComparingTo("0.20");
  }

  @Test
  void a_size_below_the_minimum_is_refused_naming_the_field() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    // 0.001% of 10,000 = 0.10 USD at 200 USD a lot = 0.0005 lots
    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.01"), Limits.NONE), buy("EURUSD").risk("0.001").slPips("20")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("risk");
          assertThat(e.getMessage()).contains("below EURUSD's minimum 0.01");
        });
    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.004"), Limits.NONE), buy("EURUSD")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("volume");
          assertThat(e.getMessage()).isEqualTo("the strategy's fixed volume gives 0.004 lots, below EURUSD's minimum 0.01");
        });
    assertThat(desk.snapshot().positions()).isEmpty();
  }

  @Test
  void a_size_above_the_maximum_is_refused() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.01"), Limits.NONE), buy("EURUSD").volume("150")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("above EURUSD's maximum 100"));
  }

  @Test
  void units_sent_without_a_multiplier_are_refused_with_the_multiplier_they_need() {
    desk.tick("XAUUSD", "2400.00", "2400.30");

    // TradingView's 500 oz of gold taken as 500 lots (maximum 100); a lot is 100 oz, so 1/100 = 0.01.
    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.01"), Limits.NONE), buy("XAUUSD").contracts("500")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("contracts");
          assertThat(e.getMessage()).contains("above XAUUSD's maximum 100")
              .contains("set its sizing's \"multiplier\" to 0.01: one lot of XAUUSD is 100 units");
        });
  }

  @Test
  void a_multiplier_the_trader_set_is_not_second_guessed() {
    desk.tick("XAUUSD", "2400.00", "2400.30");
    Strategy lots = strategy(sizing(Sizing.Mode.CONTRACTS, null, "1", null, null, null), Limits.NONE);

    assertThatThrownBy(() -> desk.signal(lots, buy("XAUUSD").contracts("500")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .contains("above XAUUSD's maximum 100").doesNotContain("multiplier"));
  }

  @Test
  void contracts_sizing_needs_the_alert_contracts() {
    desk.tick("EURUSD", "1.10000", "1.10020");
    Strategy units = strategy(sizing(Sizing.Mode.CONTRACTS, null, "0.00001", null, null, null), Limits.NONE);

    assertThatThrownBy(() -> desk.signal(units, buy("EURUSD")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("contracts"));
  }

  @Test
  void risk_sizing_needs_a_stop_loss() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.01"), Limits.NONE), buy("EURUSD").risk("1")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("sl"));
  }

  @Test
  void a_stop_loss_on_the_wrong_side_is_refused() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    assertThatThrownBy(() -> desk.signal(strategy(fixed("0.01"), Limits.NONE), buy("EURUSD").sl("1.10500")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("sl");
          assertThat(e.getMessage()).contains("below the entry 1.10020");
        });
  }

  @Test
  void a_limit_order_is_sized_from_its_own_price() {
    desk.tick("EURUSD", "1.10000", "1.10020");

    // SL 1.09500 under the limit 1.09800: 0.0030 x 100,000 = 300 a lot; 100 / 300 = 0.333, floored to 0.33.
    List<TradeResult> results = desk.signal(strategy(fixed("0.01"), Limits.NONE),
        buy("EURUSD").limit("1.09800").risk("1").sl("1.09500"));

    assertThat(results.getFirst().retcode().name()).isEqualTo("PLACED");
    assertThat(desk.snapshot().orders().getFirst().volumeCurrent()).isEqualByComparingTo("0.33");
  }
}
