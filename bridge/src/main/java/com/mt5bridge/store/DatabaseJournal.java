package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.BROKER_STATE;
import static com.mt5bridge.store.schema.Tables.EQUITY_SNAPSHOTS;
import static com.mt5bridge.store.schema.Tables.ORDERS;
import static com.mt5bridge.store.schema.Tables.POSITIONS;
import static com.mt5bridge.store.schema.Tables.SIGNALS;
import static com.mt5bridge.store.schema.Tables.SYMBOLS;
import static com.mt5bridge.store.schema.Tables.TRADES;
import static org.jooq.impl.DSL.excluded;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountExistsException;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountServedElsewhereException;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.OutcomeUnknownException;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.store.schema.tables.records.BrokerStateRecord;
import com.mt5bridge.store.schema.tables.records.SymbolsRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Deque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes account events durable in MariaDB: each batch an account loop hands over is committed
 * whole, together with the batches other accounts handed over meanwhile (group commit). Deals are appended to {@code trades}; orders and positions are
 * upserted with their latest state in the batch (a closed position leaves {@code positions});
 * {@code broker_state} takes the latest figures, the ticket counter and a new version; the equity
 * curve gets a point after every deal and for each periodic sample; symbols keep their last price;
 * the webhook signals the batch served are inserted into {@code signals}, with their trades.
 */
public final class DatabaseJournal implements AccountJournal, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseJournal.class);

  /** Most batches committed in one transaction. */
  private static final int MAX_GROUP = 64;
  /** What a group's owner check raises when an account is no longer this bridge's (a user-defined condition). */
  private static final String NOT_OWNER_STATE = "45000";
  private static final String NOT_OWNER = "the account is served by another bridge";

  private final Database database;
  private final DSLContext db;
  private final DataSource dataSource;
  private final Templates templates;
  private final DatabaseMonitor monitor;
  private final InstantSource clock;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  /** Groups that may be in flight at once; whoever holds a turn writes a group. */
  private final Semaphore turns;
  /** The connections of the turns, kept open between groups. */
  private final Deque<Session> sessions = new ConcurrentLinkedDeque<>();
  private final List<Thread> writers = new ArrayList<>();
  private final String bridge;
  /** The groups being written, by when they were sent: what the health check's stall reading looks at. */
  private final Set<Writing> writing = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;

  /**
   * @param writers transactions that can be in flight at once, and journal writer threads
   * @param bridge this bridge, as {@code broker_state.owner} names it: an account's changes commit only
   *     while the account is its own
   */
  public DatabaseJournal(Database database, DatabaseMonitor monitor, InstantSource clock, int writers, String bridge) {
    this.bridge = bridge;
    this.database = database;
    this.db = database.dsl();
    this.dataSource = database.journalDataSource();
    this.templates = new Templates(db);
    this.monitor = monitor;
    this.clock = clock;
    this.turns = new Semaphore(writers);
    for (int i = 0; i < writers; i++) {
      this.writers.add(Thread.ofPlatform().name("journal-writer-" + i).daemon().start(this::writerLoop));
    }
  }

  /** Throws {@link OutcomeUnknownException} when the round trip that commits the account gets no answer. */
  @Override
  public void create(AccountSettings settings, List<AccountEvent> opening) {
    Instant now = clock.instant();
    boolean committing = false;
    try (Connection connection = aliveConnection()) {
      connection.setAutoCommit(false);
      try {
        DSLContext dsl = DSL.using(connection, db.dialect(), db.settings());
        dsl.insertInto(BROKER_STATE).set(AccountRows.state(settings, now, bridge)).execute();
        dsl.batchInsert(settings.symbols().stream().map(spec -> AccountRows.symbol(settings.id(), spec)).toList())
            .execute();
        Rows rows = new Rows();
        rows.add(settings.id(), opening);
        JournalScript script = rows.write(new JournalScript(connection), templates, clock, bridge);
        committing = true;
        script.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        // Quietly: on a connection that broke, this would hide why it failed.
        autoCommitQuietly(connection);
      }
    } catch (IntegrityConstraintViolationException e) {
      throw new AccountExistsException(settings.id());
    } catch (SQLException | DataAccessException e) {
      String state = sqlState(e);
      if (state.startsWith("23")) {
        throw new AccountExistsException(settings.id());
      }
      throw committing && state.startsWith("08") ? inDoubt(e) : rowRefused(state) ? refused(e) : unavailable(e);
    }
  }

  /**
   * Commits the batch, together with the batches other accounts handed over meanwhile (group commit
   * across accounts), and returns once it is committed. When no group is being written, the calling
   * account thread writes the group itself (it is the leader); otherwise the batch waits for the
   * group in flight to end, whose leader hands what is waiting to a journal writer thread. On this
   * kind of machine a thread wake-up costs more than the rows: a lone batch that is written by the
   * thread that made it saves two. An account has at most one batch in flight, since its loop waits
   * here.
   */
  @Override
  public void commit(String account, List<AccountEvent> events) {
    Pending pending = new Pending(account, events, new CompletableFuture<>());
    if (!running) {
      throw new BrokerUnavailableException("the journal is stopped");
    }
    queue.add(pending);
    if (turns.tryAcquire()) {
      writeTurn();
    }
    try {
      pending.committed().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private record Pending(String account, List<AccountEvent> events, CompletableFuture<Void> committed) {}

  /** A group on its way to the database since {@code sinceNanos}; one per group, so compared by identity. */
  private static final class Writing {
    final long sinceNanos = System.nanoTime();
  }

  @Override
  public Duration commitWait() {
    long now = System.nanoTime();
    return Duration.ofNanos(writing.stream().mapToLong(w -> now - w.sinceNanos).max().orElse(0));
  }

  /**
   * One group written by the holder of a turn, which it gives back; then, if batches came while it
   * wrote, the writer threads are woken for them. Whoever queued those found no turn free, so it
   * relies on this check, made after the turn was given back.
   */
  private void writeTurn() {
    try {
      List<Pending> group = new ArrayList<>();
      for (Pending next; running && group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
        group.add(next);
      }
      if (!group.isEmpty()) {
        Writing started = new Writing();
        writing.add(started);
        try {
          write(group);
        } finally {
          writing.remove(started);
        }
      }
    } finally {
      turns.release();
    }
    if (!queue.isEmpty()) {
      writers.forEach(LockSupport::unpark);
    }
  }

  /** A journal writer thread: writes the groups a leader left waiting, and sleeps when there are none. */
  private void writerLoop() {
    while (running) {
      while (running && !queue.isEmpty() && turns.tryAcquire()) {
        writeTurn();
      }
      LockSupport.park(this);
    }
  }

  /**
   * Commits a group as one transaction on a writer's connection (which stays in manual-commit mode)
   * and completes its batches. A deadlock with another writer rolls the whole group back, so the group
   * is simply written again.
   */
  private void write(List<Pending> group) {
    Session session = sessions.pollFirst();
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        if (session != null && session.stale()) {
          database.discard(session.connection);
          session = null;
        }
        if (session == null) {
          session = new Session(aliveConnection(), templates, bridge);
        }
        session.write(group, clock);
        failure = null;
        break;
      } catch (SQLException | DataAccessException e) {
        String state = sqlState(e);
        boolean deadlock = state.startsWith("40");
        Session broken = session;
        // No answer to the round trip that commits: the commit may have landed or not.
        boolean inDoubt = broken != null && broken.committing && state.startsWith("08");
        // A deadlock says nothing about the database's health: not reported down.
        failure = inDoubt ? inDoubt(e) : rowRefused(state) ? refused(e) : deadlock ? deadlocked(e, attempt)
            : state.equals(NOT_OWNER_STATE) ? servedElsewhere() : unavailable(e);
        rollbackQuietly(broken == null ? null : broken.connection);
        if (!deadlock) {
          closeQuietly(broken == null ? null : broken.connection);
          session = null;
        }
        // Nothing is committed before the round trip that commits: a deadlock, or a connection that
        // died before it, is simply tried again. A failure of that round trip is not: whether the
        // commit landed is unknown, and the account is rebuilt from what did.
        boolean reconnect = attempt == 1 && broken != null && !broken.committing && state.startsWith("08");
        if (!deadlock && !reconnect) {
          break;
        }
      } catch (RuntimeException e) {
        rollbackQuietly(session == null ? null : session.connection);
        failure = e;
        break;
      }
    }
    if (session != null && running) {
      sessions.offerFirst(session);
    } else if (session != null) {
      closeQuietly(session.connection);
    }
    RuntimeException outcome = failure;
    group.forEach(p -> {
      if (outcome == null) {
        p.committed().complete(null);
      } else {
        p.committed().completeExceptionally(outcome);
      }
    });
  }

  /**
   * A connection that answers. Checked here because a failure of the round trip that commits cannot
   * tell whether the commit landed (so it is not tried again, and its signals wait for the journal to
   * tell), and the pool hands out a connection it saw alive in the last 500 ms unchecked, which a
   * database restart may have broken since. With the database down, this fails before anything is sent.
   */
  private Connection aliveConnection() throws SQLException {
    // A few: after a restart every pooled connection is dead, and each dead one found is evicted.
    for (int tries = 0; tries < 3; tries++) {
      Connection connection = dataSource.getConnection();
      if (connection.isValid(1)) {
        return connection;
      }
      database.discard(connection);
    }
    throw new SQLNonTransientConnectionException("no journal connection answers", "08000");
  }

  /**
   * A writer's connection (in manual-commit mode) from the journal's pool, where statements are
   * prepared in the client and a group goes as one compound statement (see {@link JournalScript}).
   */
  private static final class Session {
    /** After this long unused, a connection is checked before a group is sent on it. */
    private static final long IDLE_CHECK_NANOS = 100_000_000L;

    final Connection connection;
    final Templates templates;
    final String bridge;
    boolean committing;
    private long lastWrite = System.nanoTime();

    Session(Connection connection, Templates templates, String bridge) throws SQLException {
      connection.setAutoCommit(false);
      this.connection = connection;
      this.templates = templates;
      this.bridge = bridge;
    }

    /** The group's rows and the commit in one round trip (more for a group of large signals). */
    void write(List<Pending> group, InstantSource clock) throws SQLException {
      Rows rows = new Rows();
      for (Pending pending : group) {
        rows.add(pending.account(), pending.events());
      }
      committing = false;
      JournalScript script = rows.write(new JournalScript(connection), templates, clock, bridge);
      committing = true;
      script.commit();
      committing = false;
      lastWrite = System.nanoTime();
    }

    /**
     * True when the connection sat idle for a while and no longer answers (the database restarted,
     * say): then a fresh one is taken before the group is sent, since a failure of the round trip that
     * commits cannot tell whether the commit landed.
     */
    boolean stale() throws SQLException {
      return System.nanoTime() - lastWrite > IDLE_CHECK_NANOS && !connection.isValid(1);
    }
  }

  @Override
  public void close() {
    running = false;
    writers.forEach(Thread::interrupt);
    BrokerUnavailableException stopped = new BrokerUnavailableException("the journal is stopped");
    queue.forEach(p -> p.committed().completeExceptionally(stopped));
    for (Session idle; (idle = sessions.pollFirst()) != null; ) {
      closeQuietly(idle.connection);
    }
  }

  private static String sqlState(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already gone
      }
    }
  }

  private static void autoCommitQuietly(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // a broken connection: the pool evicts it
    }
  }

  private static void rollbackQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone: the server rolls the transaction back itself
    }
  }

  /**
   * The rows a group of batches writes, table by table across accounts, so that a group costs a
   * handful of statements whatever the number of accounts in it: one insert per append table, one
   * upsert per state table, one delete, and a primary-key update of each account's broker_state.
   */
  private static final class Rows {
    private record PositionKey(String account, long ticket) {}

    private final List<Object[]> deals = new ArrayList<>();
    private final Map<String, Object[]> orders = new LinkedHashMap<>();
    private final Map<String, Object[]> openPositions = new LinkedHashMap<>();
    private final Map<String, PositionKey> closedPositions = new LinkedHashMap<>();
    private final List<Object[]> equity = new ArrayList<>();
    private final Map<String, AccountEvent.AccountChanged> states = new LinkedHashMap<>();
    private final Map<String, Tick> prices = new LinkedHashMap<>();
    private final List<Object[]> signals = new ArrayList<>();
    private final Set<String> accounts = new LinkedHashSet<>();

    void add(String account, List<AccountEvent> events) {
      accounts.add(account);
      for (AccountEvent event : events) {
        switch (event) {
          case AccountEvent.DealAdded added -> deals.add(JournalRows.DEAL_ROW.values(account, added.deal()));
          case AccountEvent.OrderChanged changed -> orders.put(account + "/" + changed.order().ticket(),
              JournalRows.ORDER_ROW.values(account, changed.order()));
          case AccountEvent.PositionChanged changed -> position(account, changed.position());
          case AccountEvent.AccountChanged changed -> states.put(account, changed);
          case AccountEvent.PricesSeen seen -> seen.prices().forEach(t -> prices.put(account + "/" + t.symbol(), t));
          case AccountEvent.EquitySampled ignored -> { }
          case AccountEvent.SignalRecorded recorded ->
              signals.add(JournalRows.SIGNAL_ROW.values(null, recorded.signal()));
        }
      }
      EquityPoints.of(events).forEach(figures -> equity.add(JournalRows.EQUITY_ROW.values(account, figures)));
    }

    private void position(String account, Position position) {
      String key = account + "/" + position.ticket();
      if (position.volume().signum() == 0) {
        openPositions.remove(key);
        closedPositions.put(key, new PositionKey(account, position.ticket()));
      } else {
        closedPositions.remove(key);
        openPositions.put(key, JournalRows.POSITION_ROW.values(account, position));
      }
    }

    /**
     * Adds the rows to {@code script} table by table; the caller sends it with the commit.
     *
     * @param bridge the owner each account must still have: checked first, with a lock on the
     *     account's row until the commit, so that a take-over (AccountLoader.claim) waits for this
     *     group or this group finds the account gone, and nothing of it is committed (so is an account
     *     whose ticket counter is past this group's)
     */
    JournalScript write(JournalScript script, Templates t, InstantSource clock, String bridge) throws SQLException {
      Instant now = clock.instant();
      script.add(t.updateState, states.entrySet().stream().map(entry -> {
        AccountFigures f = entry.getValue().figures();
        return new Object[] {f.balance(), f.credit(), f.equity(), f.profit(), f.margin(), f.freeMargin(),
            f.marginLevel(), f.realizedPnl(), f.time(), entry.getValue().nextTicket(), now, entry.getKey(), bridge,
            entry.getValue().nextTicket()};
      }).toList());
      script.add(t.checkOwner, accounts.stream().filter(account -> !states.containsKey(account))
          .map(account -> new Object[] {account, bridge}).toList());
      script.add(t.insertDeal, deals);
      script.add(t.upsertOrder, orders.values());
      script.add(t.deletePosition, closedPositions.values().stream()
          .map(key -> new Object[] {key.account(), key.ticket()}).toList());
      script.add(t.upsertPosition, openPositions.values());
      script.add(t.insertEquity, equity);
      script.add(t.updatePrice, prices.entrySet().stream().map(entry -> {
        Tick price = entry.getValue();
        String key = entry.getKey();
        return new Object[] {price.bid(), price.ask(), price.time(), key.substring(0, key.lastIndexOf('/')),
            price.symbol()};
      }).toList());
      // A plain insert: a second signal with the same idempotency key fails the whole group, so a
      // duplicate the guard in front missed can never commit its trades.
      script.add(t.insertSignal, signals);
      return script;
    }

  }

  /**
   * The journal's statements with placeholders, rendered once by jOOQ from the generated tables;
   * each group binds its rows to them in a {@link JournalScript}. Binding through plain JDBC is
   * deliberate: jOOQ's per-value binding and rendering cost more than writing the rows.
   */
  private static final class Templates {
    final JournalScript.Template insertDeal;
    final JournalScript.Template upsertOrder;
    final JournalScript.Template deletePosition;
    final JournalScript.Template upsertPosition;
    final JournalScript.Template insertEquity;
    final JournalScript.Template updatePrice;
    final JournalScript.Template updateState;
    final JournalScript.Template checkOwner;
    final JournalScript.Template insertSignal;

    Templates(DSLContext dsl) {
      insertDeal = JournalScript.Template.insert(insert(dsl, TRADES, JournalRows.DEAL_ROW.fields()));
      upsertOrder = JournalScript.Template.insert(insert(dsl, ORDERS, JournalRows.ORDER_ROW.fields()).onDuplicateKeyUpdate()
          .set(ORDERS.TYPE, excluded(ORDERS.TYPE))
          .set(ORDERS.STATE, excluded(ORDERS.STATE))
          .set(ORDERS.VOLUME_CURRENT, excluded(ORDERS.VOLUME_CURRENT))
          .set(ORDERS.PRICE_OPEN, excluded(ORDERS.PRICE_OPEN))
          .set(ORDERS.STOP_LIMIT, excluded(ORDERS.STOP_LIMIT))
          .set(ORDERS.SL, excluded(ORDERS.SL))
          .set(ORDERS.TP, excluded(ORDERS.TP))
          .set(ORDERS.EXPIRATION_TYPE, excluded(ORDERS.EXPIRATION_TYPE))
          .set(ORDERS.EXPIRATION_TIME, excluded(ORDERS.EXPIRATION_TIME))
          .set(ORDERS.POSITION_ID, excluded(ORDERS.POSITION_ID))
          .set(ORDERS.TIME_DONE, excluded(ORDERS.TIME_DONE)));
      deletePosition = JournalScript.Template.perRow(dsl.deleteFrom(POSITIONS)
          .where(POSITIONS.ACCOUNT_ID.eq((String) null), POSITIONS.TICKET.eq((Long) null)));
      upsertPosition = JournalScript.Template.insert(insert(dsl, POSITIONS, JournalRows.POSITION_ROW.fields())
          .onDuplicateKeyUpdate()
          .set(POSITIONS.TYPE, excluded(POSITIONS.TYPE))
          .set(POSITIONS.VOLUME, excluded(POSITIONS.VOLUME))
          .set(POSITIONS.PRICE_OPEN, excluded(POSITIONS.PRICE_OPEN))
          .set(POSITIONS.SL, excluded(POSITIONS.SL))
          .set(POSITIONS.TP, excluded(POSITIONS.TP))
          .set(POSITIONS.SWAP, excluded(POSITIONS.SWAP))
          .set(POSITIONS.COMMISSION, excluded(POSITIONS.COMMISSION))
          .set(POSITIONS.TIME_UPDATE, excluded(POSITIONS.TIME_UPDATE)));
      insertEquity = JournalScript.Template.insert(insert(dsl, EQUITY_SNAPSHOTS, JournalRows.EQUITY_ROW.fields()));
      insertSignal = JournalScript.Template.insert(insert(dsl, SIGNALS, JournalRows.SIGNAL_ROW.fields()));
      updatePrice = JournalScript.Template.perRow(dsl.update(SYMBOLS).set(SYMBOLS.BID, (java.math.BigDecimal) null)
          .set(SYMBOLS.ASK, (java.math.BigDecimal) null).set(SYMBOLS.PRICE_TIME, (Instant) null)
          .where(SYMBOLS.ACCOUNT_ID.eq((String) null), SYMBOLS.NAME.eq((String) null)));
      updateState = JournalScript.Template.mustMatch(dsl.update(BROKER_STATE)
          .set(BROKER_STATE.BALANCE, (java.math.BigDecimal) null)
          .set(BROKER_STATE.CREDIT, (java.math.BigDecimal) null)
          .set(BROKER_STATE.EQUITY, (java.math.BigDecimal) null)
          .set(BROKER_STATE.PROFIT, (java.math.BigDecimal) null)
          .set(BROKER_STATE.MARGIN, (java.math.BigDecimal) null)
          .set(BROKER_STATE.FREE_MARGIN, (java.math.BigDecimal) null)
          .set(BROKER_STATE.MARGIN_LEVEL, (java.math.BigDecimal) null)
          .set(BROKER_STATE.REALIZED_PNL, (java.math.BigDecimal) null)
          .set(BROKER_STATE.ACCOUNT_TIME, (Instant) null)
          .set(BROKER_STATE.NEXT_TICKET, (Long) null)
          .set(BROKER_STATE.UPDATED_AT, (Instant) null)
          .set(BROKER_STATE.VERSION, BROKER_STATE.VERSION.plus(DSL.inline(1L)))
          // The ticket counter only grows, and this bridge alone moves it: one past this group's means
          // a commit it thought lost landed after the account was read again; writing over it would
          // drop that commit's balance.
          .where(BROKER_STATE.ACCOUNT_ID.eq((String) null), BROKER_STATE.OWNER.eq((String) null),
              BROKER_STATE.NEXT_TICKET.le((Long) null)), NOT_OWNER);
      checkOwner = JournalScript.Template.mustMatch(dsl.update(BROKER_STATE)
          .set(BROKER_STATE.VERSION, BROKER_STATE.VERSION.plus(DSL.inline(1L)))
          .where(BROKER_STATE.ACCOUNT_ID.eq((String) null), BROKER_STATE.OWNER.eq((String) null)), NOT_OWNER);
    }

    /** {@code INSERT INTO table (columns) VALUES (?, ...)}: the template a batch binds rows to. */
    private static <R extends org.jooq.Record> org.jooq.InsertValuesStepN<R> insert(DSLContext dsl,
        org.jooq.Table<R> table, org.jooq.Field<?>[] columns) {
      return dsl.insertInto(table, columns).values(java.util.Collections.nCopies(columns.length, null));
    }
  }

  /** SQLSTATE class 23 (a constraint) or 22 (a value its column cannot hold): the server answered, it is up. */
  private static boolean rowRefused(String state) {
    return state.startsWith("23") || state.startsWith("22");
  }

  /**
   * The server refused a row (a constraint, such as a signal's idempotency key the duplicate guard
   * missed): the group is rolled back, but the database is up, so it is not reported down.
   */
  private static BrokerUnavailableException refused(Exception e) {
    log.atError().setMessage("the database refused a commit group; it was rolled back")
        .addKeyValue("reason", e.getMessage()).log();
    return new BrokerUnavailableException("the database refused the change; nothing was done");
  }

  /**
   * The group and another transaction (another writer's group, say) locked each other: the server
   * rolled the group back, and it is written again.
   */
  private static BrokerUnavailableException deadlocked(Exception e, int attempt) {
    log.atWarn().setMessage("a commit group deadlocked with another transaction and was rolled back")
        .addKeyValue("attempt", attempt).addKeyValue("reason", e.getMessage()).log();
    return notTaken();
  }

  /** The connection broke during the round trip that commits: whether the group landed is unknown. */
  private OutcomeUnknownException inDoubt(Exception e) {
    monitor.reportFailure(e);
    log.atError().setMessage("the connection broke while a commit group was being committed; whether it landed is "
        + "unknown, and its accounts are rebuilt from what the database holds").addKeyValue("reason", e.getMessage()).log();
    return new OutcomeUnknownException("the connection to the database broke while the change was being committed: "
        + "it may or may not have been made; the account shows what the database holds");
  }

  private BrokerUnavailableException unavailable(Exception e) {
    monitor.reportFailure(e);
    return notTaken();
  }

  /**
   * An account of the group was taken over by another bridge (AccountLoader.claim), or its ticket
   * counter is past this group's (a commit thought lost that landed after the account was read
   * again): the server answered, so the database is up; nothing of the group was committed. Each
   * account of it is read again before its next batch, which tells the two apart.
   */
  private static AccountServedElsewhereException servedElsewhere() {
    return new AccountServedElsewhereException("an account of this commit is served by another bridge on this "
        + "database now, which took it over when it started, or was changed there since this bridge read it; "
        + "nothing was done");
  }

  private static BrokerUnavailableException notTaken() {
    return new BrokerUnavailableException("the database did not take the change; nothing was done");
  }

  /** Rows of the account tables, from the broker's records. */
  static final class AccountRows {

    private AccountRows() {}

    static BrokerStateRecord state(AccountSettings s, Instant now, String owner) {
      BrokerStateRecord r = new BrokerStateRecord();
      r.setOwner(owner);
      r.setAccountId(s.id());
      r.setMode(s.mode().name());
      r.setMarginMode(s.marginMode().name());
      r.setCurrency(s.currency());
      r.setLeverage(s.leverage());
      r.setLogin(s.login());
      r.setStopOutMode(s.stopOutMode().name());
      r.setMarginCallLevel(s.marginCall());
      r.setStopOutLevel(s.stopOut());
      r.setCommissionPerLot(s.commissionPerLot());
      r.setOptions(Policies.write(s.policies()));
      r.setBalance(java.math.BigDecimal.ZERO);
      r.setEquity(java.math.BigDecimal.ZERO);
      r.setFreeMargin(java.math.BigDecimal.ZERO);
      r.setNextTicket(1L);
      r.setVersion(0L);
      r.setCreatedAt(now);
      r.setUpdatedAt(now);
      return r;
    }

    static SymbolsRecord symbol(String account, SymbolSpec s) {
      SymbolsRecord r = new SymbolsRecord();
      r.setAccountId(account);
      r.setName(s.name());
      r.setDigits(s.digits());
      r.setContractSize(s.contractSize());
      r.setCalcMode(s.calcMode().name());
      r.setMarginRate(s.marginRate());
      r.setInitialMargin(s.initialMargin());
      r.setTickSize(s.tickSize());
      r.setTickValue(s.tickValue());
      r.setCurrencyBase(s.currencyBase());
      r.setCurrencyProfit(s.currencyProfit());
      r.setCurrencyMargin(s.currencyMargin());
      r.setVolumeMin(s.volumeMin());
      r.setVolumeMax(s.volumeMax());
      r.setVolumeStep(s.volumeStep());
      r.setStopsLevel(s.stopsLevel());
      r.setFreezeLevel(s.freezeLevel());
      r.setSwapMode(s.swapMode().name());
      r.setSwapTripleDay(s.swapTripleDay().name());
      r.setSwapLong(s.swapLong());
      r.setSwapShort(s.swapShort());
      return r;
    }
  }
}
