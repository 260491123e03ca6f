package com.mt5bridge.app;

import com.mt5bridge.api.AccountRoutes;
import com.mt5bridge.api.AdminAuth;
import com.mt5bridge.api.ConsolidatedRoutes;
import com.mt5bridge.api.HealthHandler;
import com.mt5bridge.api.HttpServer;
import com.mt5bridge.api.Json;
import com.mt5bridge.api.JsonBodies;
import com.mt5bridge.api.PriceRoutes;
import com.mt5bridge.api.TradingRoutes;
import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.CurrencyRates;
import com.mt5bridge.broker.EntryDelay;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.TickHub;
import com.mt5bridge.broker.TradeHistory;
import com.mt5bridge.broker.sim.AccountLoop;
import com.mt5bridge.broker.sim.AccountState;
import com.mt5bridge.broker.sim.SimBrokerFactory;
import com.mt5bridge.broker.sim.VirtualBroker;
import com.mt5bridge.store.AccountLoader;
import com.mt5bridge.store.Database;
import com.mt5bridge.store.DatabaseHistory;
import com.mt5bridge.store.DatabaseJournal;
import com.mt5bridge.store.DatabaseMonitor;
import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.store.EmbeddedMariaDb;
import com.mt5bridge.store.DatabaseSignals;
import com.mt5bridge.store.DatabaseStrategies;
import com.mt5bridge.store.InMemoryJournal;
import com.mt5bridge.strategy.DailyResults;
import com.mt5bridge.strategy.Planner;
import com.mt5bridge.strategy.Strategies;
import com.mt5bridge.strategy.StrategyRoutes;
import com.mt5bridge.webhook.SignalRoutes;
import com.mt5bridge.webhook.Signals;
import com.mt5bridge.webhook.WebhookRoutes;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running bridge, wired by hand: database, monitor, brokers, strategies, webhooks and the HTTP
 * server (metrics as they land). Closing it stops everything in the reverse order of starting.
 */
public final class Bridge implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Bridge.class);

  private final Deque<AutoCloseable> started;
  private final HttpServer http;
  private final Startup startup;

  private Bridge(Deque<AutoCloseable> started, HttpServer http, Startup startup) {
    this.started = started;
    this.http = http;
    this.startup = startup;
  }

  public static Bridge start(Settings settings, InstantSource clock, PrintStream console) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      started.push(DataDirLock.acquire(settings.dataDir()));
      Database database = connect(settings.database(), started);
      DatabaseMonitor monitor = new DatabaseMonitor(database, Duration.ofSeconds(1));
      started.push(monitor);
      AdminAuth adminAuth = new AdminAuth(AdminToken.hash(settings.adminToken(), settings.dataDir(), console));
      JsonMapper json = Json.mapper();
      Startup startup = new Startup();

      TickHub ticks = new TickHub(clock);
      String bridge = BridgeName.create();
      AccountLoader loader = new AccountLoader(database.dsl(), bridge);
      AccountJournal journal;
      TradeHistory history;
      SignalLog signalLog;
      LongSupplier notJournaled;
      AccountLoop.Recovery recovery;
      if (settings.persistence()) {
        DatabaseJournal durable = new DatabaseJournal(database, monitor, clock, settings.journalWriters(), bridge);
        started.push(durable);
        journal = durable;
        history = new DatabaseHistory(database.dsl());
        DatabaseSignals signals = new DatabaseSignals(database.dsl());
        started.push(signals);
        signalLog = signals;
        notJournaled = signals::dropped;
        recovery = id -> {
          AccountState stored = loader.load(id);
          return VirtualBroker.restore(stored, ticks.live(stored.settings().symbols()));
        };
      } else {
        log.warn("BRIDGE_PERSISTENCE=off: accounts live in memory only and are lost when the bridge stops");
        InMemoryJournal memory = new InMemoryJournal();
        journal = memory;
        history = memory;
        signalLog = memory;
        notJournaled = () -> 0;
        recovery = Bridge::cannotRebuild;
      }
      DailyResults daily = new DailyResults(history);
      SimBrokerFactory sim = new SimBrokerFactory(journal, recovery, daily, clock);
      BrokerRegistry brokers = new BrokerRegistry(Map.of(AccountMode.SIM, sim), ticks);
      started.push(brokers);
      Strategies strategies = new Strategies(new DatabaseStrategies(database.dsl(), clock), brokers, clock);
      EntryDelay entryDelay = new EntryDelay(clock, settings.webhooks().entryMaxDelay());
      Planner planner = new Planner(daily, entryDelay);
      Signals signals = new Signals(strategies, brokers, planner, signalLog, clock, settings.webhooks(), json);
      started.push(signals);
      HealthHandler health = new HealthHandler(monitor::up, startup::notReady, brokers::notTrading,
          journal::commitWait, () -> strategies.trading().word(), Map::of,
          new HealthHandler.SignalCounts(signals::pending, notJournaled, signals::unauthenticatedNotJournaled),
          Version.current(), clock);

      HttpServer http = HttpServer.start(settings.host(), settings.port(), json, 1 << 20, routes -> {
        routes.get("/health", health);
        routes.before("/webhook", ctx -> startup.requireReady());
        routes.before("/webhook/*", ctx -> startup.requireReady());
        new WebhookRoutes(signals).register(routes);
        routes.before("/api/*", adminAuth);
        routes.before("/api/*", ctx -> startup.requireReady());
        routes.before("/api/*", new JsonBodies());
        new AccountRoutes(brokers, history).register(routes);
        new TradingRoutes(brokers, entryDelay).register(routes);
        new PriceRoutes(ticks, json).register(routes);
        new ConsolidatedRoutes(brokers, new CurrencyRates(ticks)).register(routes);
        new StrategyRoutes(strategies, brokers, daily).register(routes);
        new SignalRoutes(signalLog, signals).register(routes);
      });
      started.push(http);
      log.atInfo().setMessage("MT5 Bridge listening").addKeyValue("port", http.port())
          .addKeyValue("version", Version.current()).log();

      StoredAccounts stored = new StoredAccounts(database, loader, brokers, ticks, sim);
      Runnable loadAccounts = settings.persistence() ? stored::load : () -> { };
      Runnable load = () -> {
        loadAccounts.run();
        strategies.load();
        signals.start();
      };
      Runnable upkeep = settings.persistence() ? stored::upkeep : () -> { };
      startup.run(database, load, upkeep);
      return new Bridge(started, http, startup);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  /** Waits until the schema is migrated and the accounts are loaded. */
  public boolean awaitReady(Duration timeout) {
    return startup.await(timeout);
  }

  @Override
  public void close() {
    startup.stop();
    closeAll(started);
    log.info("MT5 Bridge stopped");
  }

  private static Database connect(DatabaseSettings settings, Deque<AutoCloseable> started) {
    return switch (settings) {
      case DatabaseSettings.External server -> {
        Database database = Database.connect(server.url(), server.user(), server.password(), server.poolSize());
        started.push(database);
        yield database;
      }
      case DatabaseSettings.Embedded embedded -> {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(embedded.dataDir(), embedded.binaries(), embedded.port());
        started.push(server);
        Database database = Database.connect(server.jdbcUrl("bridge"), "root", "", embedded.poolSize());
        started.push(database);
        yield database;
      }
    };
  }

  private static VirtualBroker cannotRebuild(String account) {
    throw new IllegalStateException("accounts kept in memory cannot be rebuilt");
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("could not close {}: {}", resource.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
