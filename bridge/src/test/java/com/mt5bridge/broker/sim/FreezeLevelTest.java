package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

/** EURUSD with freezeLevel 10 points = 0.00010. */
class FreezeLevelTest {

  private final SimAccount account = SimAccount.hedging()
      .spec("EURUSD", s -> Specs.with(s).freezeLevel(10).build()).open()
      .tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_pending_order_inside_the_freeze_level_can_be_neither_changed_nor_deleted() {
    long order = account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09950").order();

    account.tick("EURUSD", "1.09935", "1.09955"); // ask - price = 0.00005 < 0.00010

    assertThat(account.cancel(order).retcode()).isEqualTo(Retcode.FROZEN);
    assertThat(account.modifyOrder(order, "1.09900", "0", "0").retcode()).isEqualTo(Retcode.FROZEN);
    assertThat(account.orders()).hasSize(1);
  }

  @Test
  void at_the_freeze_distance_itself_the_order_can_be_deleted() {
    long order = account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09950").order();

    account.tick("EURUSD", "1.09940", "1.09960"); // ask - price = 0.00010

    assertThat(account.cancel(order).retcode()).isEqualTo(Retcode.DONE);
  }

  @Test
  void a_positions_stops_inside_the_freeze_level_cannot_be_changed() {
    long ticket = account.buy("EURUSD", "1", "1.09950", "0").position();

    account.tick("EURUSD", "1.09955", "1.09975"); // bid - SL = 0.00005

    assertThat(account.modify(ticket, "1.09900", "0").retcode()).isEqualTo(Retcode.FROZEN);
    assertThat(account.position(ticket).sl()).isEqualByComparingTo("1.09950");
  }
}
