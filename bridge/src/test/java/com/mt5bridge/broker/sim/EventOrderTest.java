package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.AccountEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MT5's execution cascade: deal, then order, then account, then position. */
class EventOrderTest {

  private final SimAccount account = SimAccount.hedging().open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_market_order_emits_deal_order_account_position_in_that_order() {
    account.broker.drainEvents();
    account.events.clear();

    account.buy("EURUSD", "1");

    assertThat(kinds(account.events)).containsExactly("DealAdded", "OrderChanged", "AccountChanged",
        "PositionChanged");
  }

  @Test
  void a_closed_position_is_emitted_once_with_volume_zero() {
    long ticket = account.buy("EURUSD", "1", "1.09900", "0").position();
    account.events.clear();

    account.tick("EURUSD", "1.09900", "1.09920");

    assertThat(kinds(account.events)).containsExactly("DealAdded", "OrderChanged", "AccountChanged",
        "PositionChanged");
    AccountEvent.PositionChanged closed = (AccountEvent.PositionChanged) account.events.get(3);
    assertThat(closed.position().ticket()).isEqualTo(ticket);
    assertThat(closed.position().volume()).isEqualByComparingTo("0");
  }

  @Test
  void a_refused_request_emits_nothing_and_a_tick_that_triggers_nothing_emits_nothing() {
    account.buy("EURUSD", "1");
    account.events.clear();

    account.buy("EURUSD", "0.001");
    account.tick("EURUSD", "1.10010", "1.10030");

    assertThat(account.events).isEmpty();
  }

  @Test
  void the_account_event_carries_the_next_ticket() {
    account.events.clear();

    account.buy("EURUSD", "1"); // order 2, deal 3

    AccountEvent.AccountChanged changed = (AccountEvent.AccountChanged) account.events.get(2);
    assertThat(changed.nextTicket()).isEqualTo(4);
  }

  @Test
  void the_prices_seen_since_the_last_write_come_after_the_trade_for_the_journal() {
    account.broker.drainEvents();
    account.events.clear();

    account.buy("EURUSD", "1");

    AccountEvent last = account.events.get(account.events.size() - 1);
    assertThat(last).isInstanceOf(AccountEvent.PricesSeen.class);
    assertThat(((AccountEvent.PricesSeen) last).prices()).singleElement()
        .satisfies(tick -> assertThat(tick.bid()).isEqualByComparingTo("1.10000"));
  }

  /** The trade's own events; the prices a write carries for the journal are left out. */
  private static List<String> kinds(List<AccountEvent> events) {
    return events.stream().filter(e -> !(e instanceof AccountEvent.PricesSeen))
        .map(e -> e.getClass().getSimpleName()).toList();
  }
}
