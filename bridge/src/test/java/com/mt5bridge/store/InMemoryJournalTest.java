package com.mt5bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.SignalQuery;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeHistory.EquityPoint;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.sim.VirtualBroker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal of a bridge without persistence keeps only the newest of everything. */
class InMemoryJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-16T10:00:00Z");

  private final InMemoryJournal journal = new InMemoryJournal(3);

  @Test
  void only_the_newest_deals_and_equity_points_of_an_account_are_kept() {
    AccountSettings settings = new AccountSettings("mem", AccountMode.SIM, MarginMode.HEDGING, "USD",
        new BigDecimal("10000"), 100, StopOutMode.PERCENT, new BigDecimal("100"), new BigDecimal("50"),
        BigDecimal.ZERO, null, List.copyOf(BuiltInSymbols.all().values()), null);
    VirtualBroker broker = VirtualBroker.open(settings, T0);
    journal.create(settings, broker.drainEvents());
    List<Long> buys = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      // a tick a second apart, so each trade's equity point has its own time
      broker.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), T0.plusSeconds(i)));
      buys.add(broker.execute(new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", new BigDecimal("0.1"),
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "", 0,
          Source.EXPERT)).deal());
      journal.commit("mem", broker.drainEvents());
    }

    // the deposit and four buys were committed; the deposit and the first buy are gone
    assertThat(journal.deals("mem", null, null, null, 100)).extracting(Deal::ticket)
        .containsExactlyElementsOf(buys.subList(1, 4));
    // points at T0 (the deposit) and after each buy at T0+1..4 s: the three newest remain
    assertThat(journal.equity("mem", null, null, null, 100)).extracting(EquityPoint::time)
        .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
  }

  @Test
  void the_curve_in_steps_gives_each_steps_last_point_with_its_lowest_and_highest_equity() {
    InMemoryJournal roomy = new InMemoryJournal(100);
    AccountSettings settings = new AccountSettings("mem", AccountMode.SIM, MarginMode.HEDGING, "USD",
        new BigDecimal("10000"), 100, StopOutMode.PERCENT, new BigDecimal("100"), new BigDecimal("50"),
        BigDecimal.ZERO, null, List.copyOf(BuiltInSymbols.all().values()), null);
    roomy.create(settings, VirtualBroker.open(settings, T0).drainEvents()); // a point at 10:00:00, 10,000
    roomy.commit("mem", List.of(sampled(T0.plusSeconds(20), "10010.00"), sampled(T0.plusSeconds(40), "9990.00"),
        sampled(T0.plusSeconds(90), "10020.00"), sampled(T0.plusSeconds(210), "10002.00")));

    // 10:00 holds 10,000, 10,010 and 9,990; 10:01 holds 10,020; 10:03 holds 10,002.
    assertThat(roomy.equity("mem", null, null, Duration.ofMinutes(1), 100))
        .extracting(EquityPoint::time, p -> p.equity().toPlainString(), p -> p.equityLow().toPlainString(),
            p -> p.equityHigh().toPlainString())
        .containsExactly(tuple(T0.plusSeconds(40), "9990.00", "9990.00", "10010.00"),
            tuple(T0.plusSeconds(90), "10020.00", "10020.00", "10020.00"),
            tuple(T0.plusSeconds(210), "10002.00", "10002.00", "10002.00"));
    assertThat(roomy.equity("mem", null, null, Duration.ofMinutes(1), 1)).extracting(EquityPoint::time)
        .containsExactly(T0.plusSeconds(210));
  }

  private static AccountEvent.EquitySampled sampled(Instant time, String equity) {
    BigDecimal balance = new BigDecimal("10000.00");
    BigDecimal value = new BigDecimal(equity);
    return new AccountEvent.EquitySampled(new AccountFigures(balance, BigDecimal.ZERO, value, value.subtract(balance),
        BigDecimal.ZERO, value, null, false, BigDecimal.ZERO, time));
  }

  @Test
  void only_the_newest_signals_are_kept() {
    for (int i = 1; i <= 4; i++) {
      journal.append(new SignalRecord("sig-" + i, "s", "mem", "key-" + i, null, SignalStatus.EXECUTED, "buy",
          "EURUSD", "127.0.0.1", "application/json", "{}", null, "[]", null, null, T0, T0));
    }

    assertThat(journal.find("sig-1")).isEmpty();
    assertThat(journal.recent(new SignalQuery(null, null, null, null, 100))).extracting(SignalRecord::id)
        .containsExactly("sig-4", "sig-3", "sig-2");
  }

  @Test
  void signals_are_listed_and_paged_in_order_of_receipt_not_of_appending() {
    // A traded signal is appended when its commit lands, after a refusal received later than it.
    journal.append(signal("refused-later", T0.plusMillis(5), SignalStatus.REJECTED));
    journal.append(signal("traded-first", T0, SignalStatus.EXECUTED));

    assertThat(journal.recent(new SignalQuery(null, null, null, null, 10))).extracting(SignalRecord::id)
        .containsExactly("refused-later", "traded-first");
    List<SignalRecord> first = journal.recent(new SignalQuery(null, null, null, null, 1));
    assertThat(first).extracting(SignalRecord::id).containsExactly("refused-later");
    SignalQuery.Cursor after = SignalQuery.Cursor.of(first.get(0));
    assertThat(journal.recent(new SignalQuery(null, null, null, after, 1))).extracting(SignalRecord::id)
        .containsExactly("traded-first");
  }

  private static SignalRecord signal(String id, Instant received, SignalStatus status) {
    return new SignalRecord(id, "s", "mem", null, null, status, "buy", "EURUSD", "127.0.0.1", "text/plain", "***",
        null, "[]", null, null, received, received);
  }
}
