package com.mt5bridge.strategy;

import static com.mt5bridge.strategy.StrategyDesk.buy;
import static com.mt5bridge.strategy.StrategyDesk.fixed;
import static com.mt5bridge.strategy.StrategyDesk.sell;
import static com.mt5bridge.strategy.StrategyDesk.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.TradeRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the trader is told when the broker refuses some of a signal's orders. The account holds 10,000
 * USD at leverage 100; EURUSD is quoted 1.10000 / 1.10020, so a lot needs 1,000 EUR of margin, which is
 * 1,100.10 USD at the mid price 1.10010.
 */
class PlanOutcomeTest {

  private static final Source SOURCE = Source.signal("test");
  private static final TradeRequest BUY = new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", new BigDecimal("0.1"),
      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "", 1001, SOURCE);

  private final Strategy strategy = strategy(fixed("0.01"), Limits.NONE);

  /** Closing a position the account never had: the broker refuses it with POSITION_CLOSED. */
  private static TradeRequest closeMissing(long ticket) {
    return new TradeRequest.ClosePosition(ticket, null, "", SOURCE);
  }

  @Test
  void a_signal_whose_orders_all_went_through_needs_no_word() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").positionSize("0.03"));

      assertThat(desk.outcome(strategy, sell("EURUSD").positionSize("-0.02"))).isNull();
    }
  }

  @Test
  void a_single_refused_order_is_named_with_its_retcode() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      // 10 lots: 10 × 1,100.10 = 11,001.00 USD of margin against 10,000.00 free.
      assertThat(desk.outcome(strategy, buy("EURUSD").volume("10"))).isEqualTo(
          "the broker refused: NO_MONEY not enough money: the trade needs 11001.00 USD more margin, free margin is "
              + "10000.00");
    }
  }

  @Test
  void a_reversal_whose_opening_is_refused_says_the_close_went_through() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");
      desk.signal(strategy, buy("EURUSD").positionSize("1"));

      // The long closes at the bid, 20 points below its entry: −20.00, so 9,980.00 free for a short of
      // 10 lots that needs 11,001.00.
      String outcome = desk.outcome(strategy, sell("EURUSD").positionSize("-10"));

      assertThat(outcome).isEqualTo("the broker refused order 2 of 2 (NO_MONEY not enough money: the trade needs "
          + "11001.00 USD more margin, free margin is 9980.00); of the others, 1 was carried out");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void orders_left_unsent_after_a_refusal_are_counted() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      String outcome = desk.outcome(new Plan(List.of(closeMissing(999), BUY, BUY), true, null));

      assertThat(outcome).isEqualTo(
          "the broker refused order 1 of 3 (POSITION_CLOSED no open position 999); of the others, 2 were not sent");
      assertThat(desk.snapshot().positions()).isEmpty();
    }
  }

  @Test
  void every_refusal_and_every_success_of_a_plan_that_goes_on_is_counted() {
    try (StrategyDesk desk = StrategyDesk.hedging()) {
      desk.tick("EURUSD", "1.10000", "1.10020");

      String outcome = desk.outcome(new Plan(List.of(BUY, closeMissing(998), closeMissing(999), BUY), false, null));

      assertThat(outcome).isEqualTo("the broker refused order 2 of 4 (POSITION_CLOSED no open position 998); of the "
          + "others, 2 were carried out, 1 was refused too");
      assertThat(desk.snapshot().positions()).hasSize(2);
    }
  }
}
