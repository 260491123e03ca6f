package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.TradeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a netting account a symbol has one position: a strategy trades it only when that position,
 * and every pending order for the symbol, is its own.
 */
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

  @Test
  void on_a_netting_account_a_symbol_with_another_magics_pending_order_is_refused_too() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      long limit = desk.manual(OrderType.BUY_LIMIT, "0.5", "1.09000", 7).order();

      // Had s bought 0.2, magic 7's limit filling at 1.09 would have grown s's long to 0.7; had s sold, cut it.
      for (StrategyDesk.SignalOf signal : List.of(buy("EURUSD").volume("0.2"), sell("EURUSD").volume("0.2"),
          sell("EURUSD").volume("0.2").limit("1.20000"), buy("EURUSD").positionSize("20000"))) {
        assertThatThrownBy(() -> desk.signal(strategy, signal)).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.getMessage()).isEqualTo("pending order " + limit + " for EURUSD on this netting account "
              + "belongs to magic 7, not to strategy s (1001): when it fills it nets against the EURUSD position, "
              + "whoever opened it");
        });
      }
      assertThat(desk.snapshot().positions()).isEmpty();
      assertThat(desk.snapshot().orders()).singleElement().satisfies(order -> assertThat(order.magic()).isEqualTo(7));
    }
  }

  @Test
  void a_strategys_own_pending_order_does_not_hold_back_its_next_signal() {
    try (StrategyDesk desk = StrategyDesk.netting()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").volume("0.1").limit("1.09000"));

      List<TradeResult> bought = desk.signal(strategy, buy("EURUSD").volume("0.2"));

      assertThat(bought).singleElement().satisfies(result -> assertThat(result.success()).isTrue());
      assertThat(desk.snapshot().positions()).singleElement()
          .satisfies(position -> assertThat(position.volume()).isEqualByComparingTo("0.2"));
    }
  }
}
