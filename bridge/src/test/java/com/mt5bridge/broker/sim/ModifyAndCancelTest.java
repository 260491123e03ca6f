package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.OrderState;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;

class ModifyAndCancelTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_new_stop_loss_replaces_the_old_one_in_the_trigger_index() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "0").position();

    assertThat(account.modify(ticket, "1.09500", "1.10500").retcode()).isEqualTo(Retcode.DONE);
    account.tick("EURUSD", "1.09800", "1.09820"); // the old SL would have fired
    assertThat(account.positions()).hasSize(1);

    account.tick("EURUSD", "1.09500", "1.09520");
    assertThat(account.positions()).isEmpty();
    assertThat(account.lastDeal().reason()).isEqualTo(DealReason.SL);
  }

  @Test
  void removing_the_stops_with_zero_leaves_the_position_unprotected() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "1.10100").position();

    account.modify(ticket, "0", "0");
    account.tick("EURUSD", "1.09000", "1.09020");

    assertThat(account.position(ticket).sl()).isEqualByComparingTo("0");
  }

  @Test
  void the_same_stops_again_are_no_changes() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "0").position();

    assertThat(account.modify(ticket, "1.09900", "0").retcode()).isEqualTo(Retcode.NO_CHANGES);
  }

  @Test
  void stops_on_the_wrong_side_of_the_market_are_refused_and_nothing_changes() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "0").position();

    assertThat(account.modify(ticket, "1.10010", "0").retcode()).isEqualTo(Retcode.INVALID_STOPS);
    assertThat(account.position(ticket).sl()).isEqualByComparingTo("1.09900");
  }

  @Test
  void a_moved_pending_order_fires_at_its_new_price_only() {
    long order = account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09900").order();

    assertThat(account.modifyOrder(order, "1.09500", "0", "0").retcode()).isEqualTo(Retcode.DONE);
    account.tick("EURUSD", "1.09880", "1.09900");
    assertThat(account.positions()).isEmpty();

    account.tick("EURUSD", "1.09480", "1.09500");
    assertThat(account.position(order).priceOpen()).isEqualByComparingTo("1.09500");
  }

  @Test
  void a_cancelled_order_is_gone_and_its_history_says_canceled() {
    long order = account.pending(OrderType.SELL_STOP, "EURUSD", "1", "1.09900").order();

    assertThat(account.cancel(order).retcode()).isEqualTo(Retcode.DONE);
    account.tick("EURUSD", "1.09800", "1.09820");

    assertThat(account.positions()).isEmpty();
    assertThat(account.order(order).state()).isEqualTo(OrderState.CANCELED);
  }

  @Test
  void an_unknown_order_is_invalid_order() {
    assertThat(account.cancel(12345).retcode()).isEqualTo(Retcode.INVALID_ORDER);
    assertThat(account.modifyOrder(12345, "1.09", "0", "0").retcode()).isEqualTo(Retcode.INVALID_ORDER);
  }

  @Test
  void close_all_and_cancel_all_act_on_what_the_selection_matches() {
    account.tick("GBPUSD", "1.27000", "1.27020");
    account.buy("EURUSD", "1");
    account.sell("EURUSD", "1");
    long pound = account.buy("GBPUSD", "1").position();
    account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000");
    long poundOrder = account.pending(OrderType.BUY_LIMIT, "GBPUSD", "1", "1.26000").order();

    var closed = account.broker.closeAll(com.mt5bridge.broker.Selection.symbol("EURUSD"),
        com.mt5bridge.broker.Source.EXPERT);
    var cancelled = account.broker.cancelAll(com.mt5bridge.broker.Selection.symbol("EURUSD"),
        com.mt5bridge.broker.Source.EXPERT);

    assertThat(closed).hasSize(2).allMatch(r -> r.retcode() == Retcode.DONE);
    assertThat(cancelled).hasSize(1);
    assertThat(account.positions()).extracting(p -> p.ticket()).containsExactly(pound);
    assertThat(account.orders()).extracting(o -> o.ticket()).containsExactly(poundOrder);
  }
}
