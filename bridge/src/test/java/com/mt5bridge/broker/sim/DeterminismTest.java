package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void the_same_ticks_and_requests_give_the_same_deals_to_the_cent() {
    assertThat(run(42)).isEqualTo(run(42));
  }

  @Test
  void a_different_script_gives_different_deals() {
    assertThat(run(42)).isNotEqualTo(run(43));
  }

  /** A pseudo-random but seeded session: ticks on a random walk, market and pending orders with stops. */
  private static List<Deal> run(long seed) {
    Random random = new Random(seed);
    SimAccount account = SimAccount.netting().balance("50000").commissionPerLot("3").open();
    long price = 110_000; // EURUSD in points
    Instant time = SimAccount.START;
    for (int i = 0; i < 2_000; i++) {
      price += random.nextInt(21) - 10;
      time = time.plus(Duration.ofSeconds(30 + random.nextInt(120)));
      account.tickAt("EURUSD", BigDecimal.valueOf(price, 5).toPlainString(), BigDecimal.valueOf(price + 2, 5)
          .toPlainString(), time);
      switch (random.nextInt(8)) {
        case 0 -> account.buy("EURUSD", "0." + (1 + random.nextInt(9)),
            BigDecimal.valueOf(price - 60, 5).toPlainString(), BigDecimal.valueOf(price + 60, 5).toPlainString());
        case 1 -> account.sell("EURUSD", "0." + (1 + random.nextInt(9)));
        case 2 -> account.pending(OrderType.BUY_LIMIT, "EURUSD", "0.2", BigDecimal.valueOf(price - 15, 5).toPlainString());
        case 3 -> account.pending(OrderType.SELL_STOP, "EURUSD", "0.3", BigDecimal.valueOf(price - 20, 5).toPlainString());
        default -> { }
      }
    }
    return account.deals();
  }
}
