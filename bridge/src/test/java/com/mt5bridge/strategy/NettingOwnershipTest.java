package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a netting account a symbol has one position: a strategy trades it only when that position is its own. */
class NettingOwnershipTest {

  private final Strategy strategy = strategy(fixed("0.01"), Limits.NONE);

  @Test
  void on_a_netting_account_a_plain_order_on_a_symbol_held_by_another_magic_is_refused() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.manualBuy("0.5", 7);

      // A sell of 0.2 would have cut magic 7's long to 0.3; a buy would have grown it; a limit would do either later.
      for (StrategyDesk.SignalOf signal : List.of(sell("EURUSD").volume("0.2"), buy("EURUSD").volume("0.2"),
          sell("EURUSD").volume("0.2").limit("1.20000"))) {
        assertThatThrownBy(() -> desk.signal(strategy, signal)).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.getMessage()).isEqualTo("the EURUSD position on this netting account belongs to magic 7, not "
              + "to strategy s (1001), and any order for EURUSD would net against it");
        });
      }
      assertThat(desk.snapshot().positions()).singleElement()
          .satisfies(position -> assertThat(position.volume()).isEqualByComparingTo("0.5"));
      assertThat(desk.snapshot().orders()).isEmpty();
    }
  }
}
