package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.BROKER_STATE;
import static com.mt5bridge.store.schema.Tables.EQUITY_SNAPSHOTS;
import static com.mt5bridge.store.schema.Tables.ORDERS;
import static com.mt5bridge.store.schema.Tables.POSITIONS;
import static com.mt5bridge.store.schema.Tables.SIGNALS;
import static com.mt5bridge.store.schema.Tables.SYMBOLS;
import static com.mt5bridge.store.schema.Tables.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountExistsException;
import com.mt5bridge.broker.AccountServedElsewhereException;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseJournalTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private DatabaseMonitor monitor;
  private DatabaseJournal journal;
  private String id;

  @BeforeEach
  void setUp() {
    monitor = new DatabaseMonitor(db.database(), Duration.ofHours(1));
    journal = new DatabaseJournal(db.database(), monitor, InstantSource.system(), 1, "test-bridge");
    id = "j-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    journal.close();
  }

  @Test
  void a_new_account_stores_its_state_its_symbols_and_its_deposit_deal() {
    new JournaledAccount(id, MarginMode.HEDGING, journal);

    var state = db.dsl().selectFrom(BROKER_STATE).where(BROKER_STATE.ACCOUNT_ID.eq(id)).fetchOne();
    assertThat(state.getBalance()).isEqualByComparingTo("10000");
    assertThat(state.getNextTicket()).isEqualTo(2);
    assertThat(state.getMarginMode()).isEqualTo("HEDGING");
    assertThat(count(SYMBOLS)).isEqualTo(10);
    var deposit = db.dsl().selectFrom(TRADES).where(TRADES.ACCOUNT_ID.eq(id)).fetchOne();
    assertThat(deposit.getType()).isEqualTo("BALANCE");
    assertThat(deposit.getProfit()).isEqualByComparingTo("10000");
  }

  @Test
  void a_change_to_an_account_another_bridge_took_over_commits_nothing_and_the_database_stays_up() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    assertThat(db.dsl().fetchValue(BROKER_STATE.OWNER, BROKER_STATE.ACCOUNT_ID.eq(id))).isEqualTo("test-bridge");
    // As AccountLoader.claim does when another bridge starts on the same database.
    db.dsl().execute("UPDATE broker_state SET owner = 'other-bridge' WHERE account_id = '" + id + "'");

    assertThatThrownBy(() -> account.market(OrderType.BUY, "EURUSD", "1", "0", "0"))
        .isInstanceOf(AccountServedElsewhereException.class)
        .hasMessageEndingWith("nothing was done");
    // A signal alone (no change to the account's figures) is held back too.
    assertThatThrownBy(() -> journal.commit(id, List.of(new AccountEvent.SignalRecorded(signal("s-1", "k-1", "{}")))))
        .isInstanceOf(AccountServedElsewhereException.class);

    assertThat(count(TRADES)).as("the deposit alone").isEqualTo(1);
    assertThat(count(POSITIONS)).isZero();
    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.eq(id))).isZero();
    assertThat(db.dsl().fetchValue(BROKER_STATE.BALANCE, BROKER_STATE.ACCOUNT_ID.eq(id))).isEqualByComparingTo("10000");
    assertThat(monitor.up()).as("the server answered: no outage").isTrue();
  }

  @Test
  void a_commit_that_landed_behind_the_accounts_back_is_not_written_over() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    account.market(OrderType.BUY, "EURUSD", "1", "0", "0");
    // As a commit group the bridge took for lost would, landing after the account was read again: it
    // used tickets 4 to 7 and booked 100.00 (its rows are left out here; the counter and balance tell).
    db.dsl().execute("UPDATE broker_state SET next_ticket = 8, balance = 10097.50 WHERE account_id = '" + id + "'");

    // This account's next trade takes tickets 4 and 5: its counter, 6, is behind the database's 8.
    assertThatThrownBy(() -> account.market(OrderType.BUY, "EURUSD", "1", "0", "0"))
        .isInstanceOf(AccountServedElsewhereException.class)
        .hasMessageContaining("or was changed there since this bridge read it; nothing was done");

    assertThat(db.dsl().fetchValue(BROKER_STATE.BALANCE, BROKER_STATE.ACCOUNT_ID.eq(id)))
        .isEqualByComparingTo("10097.50");
    assertThat(db.dsl().fetchValue(BROKER_STATE.NEXT_TICKET, BROKER_STATE.ACCOUNT_ID.eq(id))).isEqualTo(8);
    assertThat(count(TRADES)).as("the deposit and the first buy").isEqualTo(2);
    assertThat(monitor.up()).isTrue();
  }

  @Test
  void creating_an_existing_account_again_is_refused() {
    new JournaledAccount(id, MarginMode.HEDGING, journal);

    assertThatThrownBy(() -> new JournaledAccount(id, MarginMode.HEDGING, journal))
        .isInstanceOf(AccountExistsException.class);
  }

  @Test
  void a_trade_writes_its_deal_order_position_state_and_an_equity_point_together() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);

    long ticket = account.market(OrderType.BUY, "EURUSD", "1", "1.09000", "1.12000").position();

    var position = db.dsl().selectFrom(POSITIONS).where(POSITIONS.ACCOUNT_ID.eq(id)).fetchOne();
    assertThat(position.getTicket()).isEqualTo(ticket);
    assertThat(position.getPriceOpen()).isEqualByComparingTo("1.10020");
    assertThat(position.getSl()).isEqualByComparingTo("1.09000");
    assertThat(position.getCommission()).isEqualByComparingTo("-2.50");
    assertThat(count(TRADES)).isEqualTo(2);
    assertThat(db.dsl().fetchValue(ORDERS.STATE, ORDERS.ACCOUNT_ID.eq(id))).isEqualTo("FILLED");
    var state = db.dsl().selectFrom(BROKER_STATE).where(BROKER_STATE.ACCOUNT_ID.eq(id)).fetchOne();
    // 10,000 - 2.50 commission; order 2 and deal 3 taken: the next ticket is 4
    assertThat(state.getBalance()).isEqualByComparingTo("9997.50");
    assertThat(state.getNextTicket()).isEqualTo(4);
    // the curve has a point after each deal: the deposit and this trade
    assertThat(count(EQUITY_SNAPSHOTS)).isEqualTo(2);
  }

  @Test
  void a_closed_position_leaves_the_positions_table_and_its_history_stays_in_trades() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    long ticket = account.market(OrderType.BUY, "EURUSD", "1", "0", "0").position();

    account.send(new TradeRequest.ClosePosition(ticket, null, "", Source.EXPERT));

    assertThat(count(POSITIONS)).isZero();
    assertThat(db.dsl().fetchCount(TRADES, TRADES.ACCOUNT_ID.eq(id).and(TRADES.POSITION_ID.eq(ticket)))).isEqualTo(2);
  }

  @Test
  void ticks_that_trigger_nothing_write_nothing_and_the_next_write_carries_their_prices() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    long version = version();

    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    account.tick("EURUSD", "1.10010", "1.10030", JournaledAccount.T0.plusSeconds(1));

    assertThat(version()).isEqualTo(version);
    assertThat(db.dsl().fetchValue(SYMBOLS.BID, SYMBOLS.ACCOUNT_ID.eq(id).and(SYMBOLS.NAME.eq("EURUSD")))).isNull();

    account.pending(OrderType.BUY_LIMIT, "EURUSD", "1", "1.09000");

    assertThat(version()).isEqualTo(version + 1);
    assertThat(db.dsl().fetchValue(SYMBOLS.BID, SYMBOLS.ACCOUNT_ID.eq(id).and(SYMBOLS.NAME.eq("EURUSD"))))
        .isEqualByComparingTo("1.10010");
  }

  @Test
  void a_pending_order_is_stored_placed_and_updated_when_cancelled() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    long order = account.pending(OrderType.SELL_STOP, "EURUSD", "0.5", "1.09000").order();
    assertThat(db.dsl().fetchValue(ORDERS.STATE, ORDERS.TICKET.eq(order).and(ORDERS.ACCOUNT_ID.eq(id))))
        .isEqualTo("PLACED");

    account.send(new TradeRequest.CancelOrder(order, Source.EXPERT));

    assertThat(db.dsl().fetchValue(ORDERS.STATE, ORDERS.TICKET.eq(order).and(ORDERS.ACCOUNT_ID.eq(id))))
        .isEqualTo("CANCELED");
  }

  @Test
  void a_signal_body_with_quotes_backslashes_semicolons_and_emoji_is_stored_exactly() {
    new JournaledAccount(id, MarginMode.HEDGING, journal);
    String body = "{\"comment\":\"it's \\\"ok\\\"; DROP TABLE trades; -- \\\\ \u0000 \u00e9 \ud83d\ude80\"}";

    journal.commit(id, List.of(new AccountEvent.SignalRecorded(signal("s-" + id, "k1", body))));

    assertThat(db.dsl().fetchValue(SIGNALS.BODY, SIGNALS.ID.eq("s-" + id))).isEqualTo(body);
    assertThat(count(TRADES)).isEqualTo(1);
  }

  @Test
  void a_second_signal_with_the_same_idempotency_key_fails_the_whole_group_and_nothing_of_it_is_kept() {
    JournaledAccount account = new JournaledAccount(id, MarginMode.HEDGING, journal);
    account.broker.onTick(new Tick("EURUSD", new BigDecimal("1.10000"), new BigDecimal("1.10020"), JournaledAccount.T0));
    account.broker.execute(new TradeRequest.PlaceOrder(OrderType.BUY, "EURUSD", BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "", 0, Source.EXPERT));
    List<AccountEvent> events = new ArrayList<>(account.broker.drainEvents());
    // the signals are the group's last statement: its error must not go unnoticed
    events.add(new AccountEvent.SignalRecorded(signal("a-" + id, "same", "{}")));
    events.add(new AccountEvent.SignalRecorded(signal("b-" + id, "same", "{}")));

    assertThatThrownBy(() -> journal.commit(id, events)).isInstanceOf(BrokerUnavailableException.class);
    assertThat(monitor.up()).as("a refused row is not a database outage").isTrue();

    assertThat(count(TRADES)).isEqualTo(1);
    assertThat(count(POSITIONS)).isZero();
    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.eq(id))).isZero();
    assertThat(db.dsl().fetchValue(BROKER_STATE.BALANCE, BROKER_STATE.ACCOUNT_ID.eq(id))).isEqualByComparingTo("10000");
  }

  @Test
  void a_value_too_large_for_its_column_fails_the_group_but_is_not_a_database_outage() {
    new JournaledAccount(id, MarginMode.HEDGING, journal);
    SignalRecord ok = signal("ok-" + id, "k1", "{}");
    // content_type is VARCHAR(100): SQLSTATE 22001. Before, any class other than 23 reported the database
    // DOWN (and /health with it) for a row it refused while answering.
    SignalRecord tooLong = new SignalRecord("long-" + id, ok.strategy(), ok.account(), "k2", null, ok.status(),
        ok.action(), ok.symbol(), ok.sourceIp(), "x".repeat(101), ok.body(), null, "[]", null, null, ok.receivedAt(),
        ok.completedAt());

    assertThatThrownBy(() -> journal.commit(id, List.of(new AccountEvent.SignalRecorded(ok),
        new AccountEvent.SignalRecorded(tooLong)))).isInstanceOf(BrokerUnavailableException.class);

    assertThat(monitor.up()).as("a refused row is not a database outage").isTrue();
    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.eq(id))).isZero();
  }

  @Test
  void a_group_too_large_for_one_query_is_sent_in_parts_and_committed_whole() {
    new JournaledAccount(id, MarginMode.HEDGING, journal);
    String body = "x".repeat(60_000);
    // 40 bodies of 60,000 characters: more than four parts of JournalScript.MAX_BYTES
    List<AccountEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(new AccountEvent.SignalRecorded(signal(i + "-" + id, "k" + i, body + i)));
    }

    journal.commit(id, events);

    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.eq(id))).isEqualTo(40);
    assertThat(db.dsl().fetchValue(SIGNALS.BODY, SIGNALS.ID.eq("39-" + id))).isEqualTo(body + 39);

    // the same, with a repeated key in the last part: the parts already sent are rolled back too
    List<AccountEvent> failing = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      failing.add(new AccountEvent.SignalRecorded(signal("f" + i + "-" + id, i == 39 ? "g0" : "g" + i, body)));
    }
    assertThatThrownBy(() -> journal.commit(id, failing)).isInstanceOf(BrokerUnavailableException.class);
    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.eq(id))).isEqualTo(40);
  }

  @Test
  void batches_committed_by_many_accounts_at_once_are_each_committed_once() throws Exception {
    // Eight account threads committing at once: most batches find a group being written and must be
    // handed on to the writer thread, or their commit never returns.
    int accounts = 8;
    int batches = 100;
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int a = 0; a < accounts; a++) {
      String account = id + "-" + a;
      new JournaledAccount(account, MarginMode.HEDGING, journal); // its changes commit only once it exists
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (int b = 0; b < batches; b++) {
            journal.commit(account, List.of(new AccountEvent.SignalRecorded(signal(account, account + "/" + b,
                "k" + b, "{}"))));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(60));
      assertThat(thread.isAlive()).as("a commit never returned").isFalse();
    }

    assertThat(failures).isEmpty();
    assertThat(db.dsl().fetchCount(SIGNALS, SIGNALS.ACCOUNT_ID.startsWith(id + "-"))).isEqualTo(accounts * batches);
  }

  @Test
  void two_writers_commit_accounts_trading_at_once_each_batch_exactly_once() throws Exception {
    // Two groups in flight at once, on two connections: their rows must not collide (an account has
    // one batch in flight, so two groups never share an account), and a deadlock would be retried.
    journal.close();
    journal = new DatabaseJournal(db.database(), monitor, InstantSource.system(), 2, "test-bridge"); // closed after each test
    int accounts = 8;
    int roundTrips = 40;
    List<JournaledAccount> traders = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      JournaledAccount trader = new JournaledAccount(id + "-w" + a, MarginMode.NETTING, journal);
      trader.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
      traders.add(trader);
    }
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = traders.stream().map(trader -> Thread.ofPlatform().start(() -> {
      try {
        for (int i = 0; i < roundTrips; i++) {
          trader.market(OrderType.BUY, "EURUSD", "0.1", "0", "0");
          trader.market(OrderType.SELL, "EURUSD", "0.1", "0", "0");
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    })).toList();
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(60));
      assertThat(thread.isAlive()).as("a commit never returned").isFalse();
    }

    assertThat(failures).isEmpty();
    for (JournaledAccount trader : traders) {
      // the deposit and two deals per round trip, each once; every position closed again
      assertThat(db.dsl().fetchCount(TRADES, TRADES.ACCOUNT_ID.eq(trader.id))).isEqualTo(1 + 2 * roundTrips);
      assertThat(db.dsl().fetchCount(POSITIONS, POSITIONS.ACCOUNT_ID.eq(trader.id))).isZero();
      var state = db.dsl().selectFrom(BROKER_STATE).where(BROKER_STATE.ACCOUNT_ID.eq(trader.id)).fetchOne();
      assertThat(state.getBalance()).isEqualByComparingTo(trader.broker.figures().balance());
      // Each round trip: 0.1 lot bought at the ask and sold at the bid loses the 2-point spread,
      // 10,000 units x 0.0002 = 2 USD, and each deal pays 2.5 USD per lot x 0.1 = 0.25 USD commission:
      // 10,000 - 40 x 2 - 80 x 0.25 = 9,900.
      assertThat(state.getBalance()).isEqualByComparingTo("9900");
    }
  }

  @Test
  void a_group_chosen_as_a_deadlock_victim_is_written_again_and_the_database_is_not_reported_down()
      throws Exception {
    JournaledAccount account = new JournaledAccount(id, MarginMode.NETTING, journal);
    account.tick("EURUSD", "1.10000", "1.10020", JournaledAccount.T0);
    try (Connection other = DriverManager.getConnection(db.url(), "root", "")) {
      other.setAutoCommit(false);
      try (Statement sql = other.createStatement()) {
        // Heavier than the journal's group, so that InnoDB rolls the group back, not this.
        sql.execute("CREATE TEMPORARY TABLE ballast (n INT PRIMARY KEY) ENGINE=InnoDB");
        sql.execute("INSERT INTO ballast SELECT seq FROM seq_1_to_5000");
        sql.execute("UPDATE broker_state SET updated_at = updated_at WHERE account_id = '" + id + "'");
        // The buy's group inserts its deal (ticket 3, after the deposit 1 and the order 2), then waits
        // here for the account's broker_state row.
        CompletableFuture<TradeResult> buy = CompletableFuture.supplyAsync(
            () -> account.market(OrderType.BUY, "EURUSD", "0.1", "0", "0"), task -> Thread.ofPlatform().start(task));
        awaitLockWait();
        // ... while this waits for the deal row the group holds: a cycle.
        sql.execute("INSERT INTO trades (account_id, ticket, type, entry, reason, time) VALUES ('" + id
            + "', 3, 'BUY', 'IN', 'EXPERT', NOW())");
        sql.execute("DELETE FROM trades WHERE account_id = '" + id + "' AND ticket = 3");
        other.commit();

        assertThat(buy.get(30, TimeUnit.SECONDS).deal()).isEqualTo(3);
      }
    }
    assertThat(monitor.up()).as("a deadlock is not an outage").isTrue();
    assertThat(db.dsl().fetchCount(TRADES, TRADES.ACCOUNT_ID.eq(id).and(TRADES.TICKET.eq(3L)))).isEqualTo(1);
    assertThat(count(POSITIONS)).isEqualTo(1);
  }

  /**
   * Until some transaction waits for a row lock. The server refreshes {@code innodb_trx} only when it
   * has not been read for 100 ms, so asking more often would see the first answer forever.
   */
  private static void awaitLockWait() throws Exception {
    for (int i = 0; i < 100; i++) {
      Thread.sleep(250);
      if (db.dsl().fetchCount(DSL.table("information_schema.innodb_trx"),
          DSL.field("trx_state").eq("LOCK WAIT")) > 0) {
        return;
      }
    }
    throw new AssertionError("the journal's group never waited for the lock");
  }

  private SignalRecord signal(String signalId, String key, String body) {
    return signal(id, signalId, key, body);
  }

  private static SignalRecord signal(String account, String signalId, String key, String body) {
    return new SignalRecord(signalId, "strategy-" + account, account, key, null, SignalStatus.EXECUTED, "buy",
        "EURUSD", "127.0.0.1", "application/json", body, null, "[]", null, null, JournaledAccount.T0, JournaledAccount.T0);
  }

  private long version() {
    return db.dsl().fetchValue(BROKER_STATE.VERSION, BROKER_STATE.ACCOUNT_ID.eq(id));
  }

  private int count(Table<?> table) {
    return db.dsl().fetchCount(table, table.field("account_id", String.class).eq(id));
  }
}
