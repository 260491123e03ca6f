package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TradingView's positionSize: the strategy's net position is traded to the target (multiplier 1 here). */
class TargetPositionTest {

  private final Strategy strategy = strategy(fixed("0.01"), Limits.NONE);

  private static void assertPosition(Position position, Side side, String volume) {
    assertThat(position.type()).isEqualTo(side);
    assertThat(position.volume()).isEqualByComparingTo(volume);
  }

  private static void assertVolumes(List<BigDecimal> volumes, String... expected) {
    assertThat(volumes).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(Arrays.stream(expected).map(BigDecimal::new).toArray(BigDecimal[]::new));
  }

  /** The refusal of a signal that must not be carried out. */
  private ApiException refusal(StrategyDesk desk, StrategyDesk.SignalOf signal) {
    try {
      desk.signal(strategy, signal);
    } catch (ApiException refused) {
      assertThat(refused.field()).isEqualTo("positionSize");
      return refused;
    }
    throw new AssertionError("the signal was carried out");
  }

  /** EURUSD takes 0.1 to 1 lot per order here, quoted 1.10000 / 1.10020. */
  private static StrategyDesk narrow(MarginMode marginMode) {
    StrategyDesk desk = StrategyDesk.narrowEurusd(marginMode);
    desk.tick("EURUSD", "1.10000", "1.10020");
    return desk;
  }

  @Test
  void on_a_hedging_account_a_reversal_closes_the_long_then_opens_the_short() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").positionSize("0.03"));

      List<TradeResult> results = desk.signal(strategy, sell("EURUSD").positionSize("-0.02"));

      assertThat(results).hasSize(2);
      assertThat(results.get(0).volume()).isEqualByComparingTo("0.03");
      assertThat(results.get(1).volume()).isEqualByComparingTo("0.02");
      List<Position> positions = desk.snapshot().positions();
      assertThat(positions).hasSize(1);
      assertPosition(positions.getFirst(), Side.SELL, "0.02");
    }
  }

  @Test
  void on_a_hedging_account_a_smaller_target_closes_the_oldest_positions_first() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").volume("0.02"));
      desk.signal(strategy, buy("EURUSD").volume("0.03"));

      // Held 0.05, target 0.01: the first (0.02) goes whole, the second gives up 0.02.
      desk.signal(strategy, sell("EURUSD").positionSize("0.01"));

      List<Position> positions = desk.snapshot().positions();
      assertThat(positions).hasSize(1);
      assertPosition(positions.getFirst(), Side.BUY, "0.01");
      assertThat(positions.getFirst().ticket()).isEqualTo(4); // the second buy's position (deposit 1, first buy 2..3)
    }
  }

  @Test
  void on_a_netting_account_a_reversal_is_one_order_for_the_difference() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").positionSize("0.03"));

      List<TradeResult> results = desk.signal(strategy, sell("EURUSD").positionSize("-0.02"));

      assertThat(results).hasSize(1);
      assertThat(results.getFirst().volume()).isEqualByComparingTo("0.05");
      List<Position> positions = desk.snapshot().positions();
      assertThat(positions).hasSize(1);
      assertPosition(positions.getFirst(), Side.SELL, "0.02");
    }
  }

  @Test
  void a_target_already_held_sends_nothing() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").positionSize("0.03"));

      Plan plan = desk.plan(strategy, buy("EURUSD").positionSize("0.03"));

      assertThat(plan.requests()).isEmpty();
      assertThat(plan.note()).contains("already holds 0.03");
    }
  }

  @Test
  void positions_of_other_magic_numbers_do_not_count_toward_the_target() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.manualBuy("0.5", 0);

      List<TradeResult> results = desk.signal(strategy, buy("EURUSD").positionSize("0.01"));

      assertThat(results).hasSize(1);
      assertThat(results.getFirst().volume()).isEqualByComparingTo("0.01");
      assertThat(desk.snapshot().positions()).hasSize(2);
    }
  }

  @Test
  void on_a_netting_account_a_symbol_held_by_another_magic_is_refused() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.manualBuy("0.5", 7);

      assertThatThrownBy(() -> desk.signal(strategy, buy("EURUSD").positionSize("0.01")))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("belongs to magic 7"));
      assertThat(desk.snapshot().positions().getFirst().volume()).isEqualByComparingTo("0.5");
    }
  }

  @Test
  void the_multiplier_turns_units_into_lots_floored_toward_zero() {
    Strategy units = strategy(new Sizing(Sizing.Mode.CONTRACTS, null, new BigDecimal("0.00001"), null, null, null),
        Limits.NONE);
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      // -2,599 units x 0.00001 = -0.02599 lots: a 0.02 short
      desk.signal(units, sell("EURUSD").positionSize("-2599"));

      assertPosition(desk.snapshot().positions().getFirst(), Side.SELL, "0.02");
    }
  }

  @Test
  void a_forex_target_in_units_without_a_multiplier_names_the_multiplier() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      // TradingView's position of 1,000 units taken as 1,000 lots; a lot is 100,000 units.
      assertThat(refusal(desk, buy("EURUSD").positionSize("1000")).getMessage())
          .contains("a buy of 1000.00 lots of EURUSD in one order, above its maximum 100")
          .contains("\"multiplier\" to 0.00001");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  // On the narrow desk: a target whose orders EURUSD cannot take is refused whole, before the
  // strategy's other positions are closed.

  @Test
  void on_a_hedging_account_a_target_above_one_orders_maximum_leaves_the_short_open() {
    try (StrategyDesk desk = narrow(MarginMode.HEDGING)) {
      desk.signal(strategy, sell("EURUSD").volume("0.2"));

      // Closing the 0.2 short, then buying 1.50 in one order: above the maximum of 1.
      assertThat(refusal(desk, buy("EURUSD").positionSize("1.5")).getMessage())
          .contains("a buy of 1.50 lots of EURUSD in one order, above its maximum 1");
      List<Position> positions = desk.snapshot().positions();
      assertThat(positions).hasSize(1);
      assertPosition(positions.getFirst(), Side.SELL, "0.2");
    }
  }

  @Test
  void on_a_hedging_account_a_target_the_symbol_can_take_is_still_reached() {
    try (StrategyDesk desk = narrow(MarginMode.HEDGING)) {
      desk.signal(strategy, sell("EURUSD").volume("0.2"));

      List<TradeResult> results = desk.signal(strategy, buy("EURUSD").positionSize("1"));

      assertVolumes(results.stream().map(TradeResult::volume).toList(), "0.2", "1");
      assertPosition(desk.snapshot().positions().getFirst(), Side.BUY, "1");
    }
  }

  @Test
  void on_a_hedging_account_an_excess_below_the_minimum_closes_nothing() {
    try (StrategyDesk desk = narrow(MarginMode.HEDGING)) {
      desk.signal(strategy, buy("EURUSD").volume("0.5"));
      desk.signal(strategy, buy("EURUSD").volume("0.3"));

      // Held 0.80, target 0.75: 0.05 of the oldest would have to go, below the minimum of 0.1.
      assertThat(refusal(desk, sell("EURUSD").positionSize("0.75")).getMessage())
          .contains("a sell of 0.05 lots of EURUSD in one order, below its minimum 0.1");
      assertVolumes(desk.snapshot().positions().stream().map(Position::volume).toList(), "0.5", "0.3");
    }
  }

  @Test
  void on_a_netting_account_a_reversal_too_big_for_one_order_closes_then_opens() {
    try (StrategyDesk desk = narrow(MarginMode.NETTING)) {
      desk.signal(strategy, buy("EURUSD").positionSize("0.8"));

      // From +0.80 to -0.80 is one sell of 1.60, above the maximum of 1: a sell of 0.80 that closes,
      // then a sell of 0.80 that opens.
      List<TradeResult> results = desk.signal(strategy, sell("EURUSD").positionSize("-0.8"));

      assertVolumes(results.stream().map(TradeResult::volume).toList(), "0.8", "0.8");
      List<Position> positions = desk.snapshot().positions();
      assertThat(positions).hasSize(1);
      assertPosition(positions.getFirst(), Side.SELL, "0.8");
    }
  }

  @Test
  void on_a_netting_account_a_reversal_whose_close_is_too_big_keeps_the_long() {
    try (StrategyDesk desk = narrow(MarginMode.NETTING)) {
      desk.signal(strategy, buy("EURUSD").positionSize("0.8"));
      desk.signal(strategy, buy("EURUSD").positionSize("1.5"));

      // From +1.50 to -0.50: one sell of 2.00, and even the close alone (1.50) is above the maximum of 1.
      assertThat(refusal(desk, sell("EURUSD").positionSize("-0.5")).getMessage())
          .contains("a sell of 2.00 lots of EURUSD in one order, above its maximum 1");
      assertPosition(desk.snapshot().positions().getFirst(), Side.BUY, "1.5");
    }
  }

  @Test
  void on_a_netting_account_a_difference_below_the_minimum_is_refused() {
    try (StrategyDesk desk = narrow(MarginMode.NETTING)) {
      desk.signal(strategy, buy("EURUSD").positionSize("0.8"));

      assertThat(refusal(desk, sell("EURUSD").positionSize("0.75")).getMessage())
          .contains("a sell of 0.05 lots of EURUSD in one order, below its minimum 0.1");
      assertPosition(desk.snapshot().positions().getFirst(), Side.BUY, "0.8");
    }
  }
}
