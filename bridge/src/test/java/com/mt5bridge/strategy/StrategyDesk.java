package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.EntryDelay;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.sim.SimBrokerFactory;
import com.mt5bridge.broker.sim.Specs;
import com.mt5bridge.store.InMemoryJournal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SIM account behind its loop (journal in memory) with a {@link Planner}: signals go
 * through {@link Broker#perform} exactly as the webhook sends them.
 */
final class StrategyDesk implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-16T10:00:00Z"); // a Monday

  final InMemoryJournal journal = new InMemoryJournal();
  final DailyResults daily = new DailyResults(journal);
  /** The bridge's clock, against which a signal's wait for its account is measured. */
  static final Instant WALL = Instant.parse("2026-11-16T10:00:30Z");

  final Planner planner = new Planner(daily, new EntryDelay(InstantSource.fixed(WALL), Duration.ofSeconds(30)));
  final Broker broker;
  private Instant now = START;

  private StrategyDesk(MarginMode marginMode, String commissionPerLot, SymbolSpec... replacing) {
    this(marginMode, commissionPerLot, AccountSettings.Policies.DEFAULT, replacing);
  }

  private StrategyDesk(MarginMode marginMode, String commissionPerLot, AccountSettings.Policies policies,
      SymbolSpec... replacing) {
    Map<String, SymbolSpec> specs = new HashMap<>(BuiltInSymbols.all());
    for (SymbolSpec spec : replacing) {
      specs.put(spec.name(), spec);
    }
    AccountSettings settings = new AccountSettings("desk", AccountMode.SIM, marginMode, "USD",
        new BigDecimal("10000"), 100, StopOutMode.PERCENT, BigDecimal.valueOf(100), BigDecimal.valueOf(50),
        new BigDecimal(commissionPerLot), null, List.copyOf(specs.values()), policies);
    SimBrokerFactory factory = new SimBrokerFactory(journal, account -> {
      throw new IllegalStateException("not rebuilt in these tests");
    }, daily, InstantSource.fixed(START));
    this.broker = factory.open(settings);
  }

  static StrategyDesk hedging() {
    return new StrategyDesk(MarginMode.HEDGING, "0");
  }

  /** A hedging account whose broker keeps its server, and so its trading day, on {@code serverTimeZone}. */
  static StrategyDesk hedgingOn(ZoneId serverTimeZone) {
    return new StrategyDesk(MarginMode.HEDGING, "0", new AccountSettings.Policies(
        AccountSettings.HedgedMargin.LARGER_LEG, AccountSettings.ConversionPrice.MID, serverTimeZone));
  }

  static StrategyDesk netting() {
    return new StrategyDesk(MarginMode.NETTING, "0");
  }

  /** EURUSD trading 0.1 to 1 lot in steps of 0.01, so that a target can need an order it cannot take. */
  static StrategyDesk narrowEurusd(MarginMode marginMode) {
    return new StrategyDesk(marginMode, "0", Specs.with(BuiltInSymbols.all().get("EURUSD"))
        .volumes("0.1", "1", "0.01").build());
  }

  static StrategyDesk hedgingWithCommission(String perLot) {
    return new StrategyDesk(MarginMode.HEDGING, perLot);
  }

  /** A strategy of this account with magic 1001. */
  static Strategy strategy(Sizing sizing, Limits limits) {
    return new Strategy("s", "desk", SecretHash.of("0123456789abcdef"), true, false, 1001, Map.of(), "", "", sizing,
        limits, AllowedIps.ANY, START, START, 0);
  }

  static Sizing fixed(String volume) {
    return new Sizing(Sizing.Mode.FIXED, new BigDecimal(volume), null, null, null, null);
  }

  static SignalOf buy(String symbol) {
    return new SignalOf(Action.BUY, symbol);
  }

  static SignalOf sell(String symbol) {
    return new SignalOf(Action.SELL, symbol);
  }

  static SignalOf action(Action action, String symbol) {
    return new SignalOf(action, symbol);
  }

  /** A signal, field by field: {@code buy("EURUSD").risk("1").slPips("20")}. */
  static final class SignalOf {
    private final Action action;
    private final String symbol;
    private OrderType.Kind kind = OrderType.Kind.MARKET;
    private BigDecimal price;
    private BigDecimal volume;
    private BigDecimal contracts;
    private BigDecimal risk;
    private BigDecimal sl;
    private BigDecimal slPips;
    private BigDecimal positionSize;
    private Duration age;
    private Instant received = WALL;

    SignalOf(Action action, String symbol) {
      this.action = action;
      this.symbol = symbol;
    }

    SignalOf limit(String at) { kind = OrderType.Kind.LIMIT; price = new BigDecimal(at); return this; }
    SignalOf volume(String value) { volume = new BigDecimal(value); return this; }
    SignalOf contracts(String value) { contracts = new BigDecimal(value); return this; }
    SignalOf risk(String value) { risk = new BigDecimal(value); return this; }
    SignalOf sl(String value) { sl = new BigDecimal(value); return this; }
    SignalOf slPips(String value) { slPips = new BigDecimal(value); return this; }
    SignalOf positionSize(String value) { positionSize = new BigDecimal(value); return this; }
    SignalOf firedSecondsBefore(double seconds) { age = Duration.ofMillis(Math.round(seconds * 1000)); return this; }
    SignalOf waitedSeconds(double seconds) { received = WALL.minusMillis(Math.round(seconds * 1000)); return this; }

    Signal build() {
      return new Signal(action, symbol, kind, price, volume, contracts, risk, sl, null, slPips, null, positionSize,
          null, age, received);
    }
  }

  /** Moves the account clock by {@code seconds} with a price. */
  void tick(String symbol, String bid, String ask) {
    now = now.plusSeconds(1);
    broker.onTick(new Tick(symbol, new BigDecimal(bid), new BigDecimal(ask), now));
  }

  void tickAt(Instant time, String symbol, String bid, String ask) {
    now = time;
    broker.onTick(new Tick(symbol, new BigDecimal(bid), new BigDecimal(ask), time));
  }

  /** The signal planned and carried out; its results. */
  List<TradeResult> signal(Strategy strategy, SignalOf of) {
    Signal signal = of.build();
    Object outcome = broker.<Object>perform(desk -> {
      try {
        return planner.plan(desk, strategy, signal, Source.signal("test")).run(desk);
      } catch (ApiException refused) {
        return refused;
      }
    }).join();
    if (outcome instanceof ApiException refused) {
      throw refused;
    }
    @SuppressWarnings("unchecked")
    List<TradeResult> results = (List<TradeResult>) outcome;
    return results;
  }

  /** The signal planned and carried out; what the trader is told of it ({@link Plan#outcome}). */
  String outcome(Strategy strategy, SignalOf of) {
    Signal signal = of.build();
    return broker.perform(desk -> {
      Plan plan = planner.plan(desk, strategy, signal, Source.signal("test"));
      return plan.outcome(plan.run(desk));
    }).join();
  }

  /** A plan made by hand, carried out; what the trader is told of it. */
  String outcome(Plan plan) {
    return broker.perform(desk -> plan.outcome(plan.run(desk))).join();
  }

  /** The plan alone (nothing sent). */
  Plan plan(Strategy strategy, SignalOf of) {
    Signal signal = of.build();
    Object outcome = broker.<Object>perform(desk -> {
      try {
        return planner.plan(desk, strategy, signal, Source.signal("test"));
      } catch (ApiException refused) {
        return refused;
      }
    }).join();
    if (outcome instanceof ApiException refused) {
      throw refused;
    }
    return (Plan) outcome;
  }

  TradeResult trade(TradeRequest request) {
    return broker.send(request).join();
  }

  /** A market buy of EURUSD placed by hand (the web page's button) under {@code magic}. */
  TradeResult manualBuy(String volume, long magic) {
    return manual(OrderType.BUY, volume, "0", magic);
  }

  /** An order for EURUSD placed by hand under {@code magic}; {@code price} 0 for a market order. */
  TradeResult manual(OrderType type, String volume, String price, long magic) {
    return trade(new TradeRequest.PlaceOrder(type, "EURUSD", new BigDecimal(volume), new BigDecimal(price),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "manual", magic, Source.CLIENT));
  }

  AccountSnapshot snapshot() {
    return broker.snapshot().join();
  }

  @Override
  public void close() {
    ((com.mt5bridge.broker.sim.AccountLoop) broker).close();
  }
}
