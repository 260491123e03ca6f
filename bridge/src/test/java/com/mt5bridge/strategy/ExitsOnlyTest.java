package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.action;
import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.TradeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A strategy winding down (exits only): its alerts reduce and close its positions and never add to
 * them. A reversal becomes a close; an order beyond the position stops at flat.
 */
class ExitsOnlyTest {

  private final Strategy trading = strategy(fixed("0.1"), Limits.NONE);
  private final Strategy windingDown = trading.withState(true, true, StrategyDesk.START);

  private static void assertRefusedAsEntry(StrategyDesk desk, Strategy strategy, StrategyDesk.SignalOf signal,
      String message) {
    assertThatThrownBy(() -> desk.signal(strategy, signal)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.RISK_LIMIT);
      assertThat(e.field()).isEqualTo("exitsOnly");
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  @Test
  void on_a_hedging_account_entries_are_refused_and_closes_go_through() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(trading, buy("EURUSD"));

      assertRefusedAsEntry(desk, windingDown, buy("EURUSD"), "strategy s takes exits only: a buy of EURUSD would "
          + "add to its positions (resume it to trade fully)");
      assertRefusedAsEntry(desk, windingDown, sell("EURUSD").limit("1.20000"), "strategy s takes exits only: a sell "
          + "limit of EURUSD would add to its positions (resume it to trade fully)");
      List<TradeResult> closed = desk.signal(windingDown, action(Action.CLOSE, "EURUSD"));

      assertThat(closed).singleElement().satisfies(result -> assertThat(result.success()).isTrue());
      assertThat(desk.snapshot().positions()).isEmpty();
      assertThat(desk.snapshot().orders()).isEmpty();
    }
  }

  @Test
  void on_a_hedging_account_a_reversal_target_only_closes() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(trading, buy("EURUSD").positionSize("0.03"));

      // Long 0.03 to short 0.02: winding down, the long is closed and no short is opened, and the
      // trader is told why the short is missing.
      String told = desk.outcome(windingDown, sell("EURUSD").positionSize("-0.02"));

      assertThat(told).isEqualTo("strategy s takes exits only: it goes to 0 lots of EURUSD, not to the -0.02 asked "
          + "for (resume it to trade fully)");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void on_a_netting_account_a_target_moves_toward_flat_and_never_past_it() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(trading, buy("EURUSD").positionSize("0.05"));

      String more = desk.outcome(windingDown, buy("EURUSD").positionSize("0.08"));
      assertThat(more).isEqualTo("strategy s takes exits only: it holds 0.05 lots of EURUSD and adds none (resume "
          + "it to trade fully)");
      assertThat(onlyPosition(desk).volume()).isEqualByComparingTo("0.05");
      // Less: down to 0.02, as asked, so nothing to tell.
      assertThat(desk.outcome(windingDown, sell("EURUSD").positionSize("0.02"))).isNull();
      assertThat(onlyPosition(desk).volume()).isEqualByComparingTo("0.02");
      String reversal = desk.outcome(windingDown, sell("EURUSD").positionSize("-0.04")); // flat, no further

      assertThat(reversal).isEqualTo("strategy s takes exits only: it goes to 0 lots of EURUSD, not to the -0.04 "
          + "asked for (resume it to trade fully)");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void on_a_netting_account_a_sell_against_the_long_stops_at_flat() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(trading, buy("EURUSD").volume("0.3"));

      String told = desk.outcome(windingDown, sell("EURUSD").volume("0.5"));

      // 0.5 asked, 0.3 held: the sell of 0.3 closes the long and opens no short.
      assertThat(told).isEqualTo("strategy s takes exits only: the sell of 0.5 lots closes its 0.3 lots of EURUSD "
          + "and goes no further (resume it to trade fully)");
      assertThat(desk.snapshot().positions()).isEmpty();
      assertRefusedAsEntry(desk, windingDown, sell("EURUSD"), "strategy s takes exits only: a sell of EURUSD would "
          + "add to its positions (resume it to trade fully)");
    }
  }

  private static Position onlyPosition(StrategyDesk desk) {
    assertThat(desk.snapshot().positions()).hasSize(1);
    Position position = desk.snapshot().positions().getFirst();
    assertThat(position.type()).isEqualTo(Side.BUY);
    return position;
  }
}
