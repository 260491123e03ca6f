package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.SymbolSpec;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategies the bridge serves, held in memory for the webhook path and written through to the
 * {@link StrategyStore}; also the kill switch. Changes are serialised (they are rare); reads are
 * lock-free.
 */
public final class Strategies {

  static final String ADMIN = "admin";

  private final StrategyStore store;
  private final BrokerRegistry brokers;
  private final InstantSource clock;
  private final Map<String, Strategy> byId = new ConcurrentHashMap<>();
  private volatile boolean tradingPaused;

  public Strategies(StrategyStore store, BrokerRegistry brokers, InstantSource clock) {
    this.store = store;
    this.brokers = brokers;
    this.clock = clock;
  }

  /** Reads every strategy and the kill switch from the store (at start-up, once the schema is there). */
  public synchronized void load() {
    byId.clear();
    store.all().forEach(s -> byId.put(s.id(), s));
    tradingPaused = store.tradingPaused();
  }

  public Optional<Strategy> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  public Strategy get(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("no strategy " + id));
  }

  public List<Strategy> all() {
    return byId.values().stream().sorted(Comparator.comparing(Strategy::id)).toList();
  }

  /** True while the kill switch holds every strategy. */
  public boolean tradingPaused() {
    return tradingPaused;
  }

  public synchronized Strategy create(StrategyJson.Body body) {
    if (body.id() != null && byId.containsKey(body.id())) {
      throw ApiException.conflict("strategy " + body.id() + " already exists");
    }
    Strategy strategy = body.toNew(clock.instant(), this::nextMagic);
    checkAgainstAccount(strategy);
    try {
      store.insert(strategy, ADMIN);
    } catch (StrategyStore.StrategyExistsException e) {
      throw ApiException.conflict(e.getMessage());
    }
    byId.put(strategy.id(), strategy);
    return strategy;
  }

  public synchronized Strategy replace(String id, StrategyJson.Body body) {
    Strategy current = get(id);
    Strategy replacement = body.toReplacement(current, clock.instant());
    checkAgainstAccount(replacement);
    return write(replacement, "strategy.update");
  }

  public synchronized void delete(String id) {
    get(id);
    store.delete(id, ADMIN);
    byId.remove(id);
  }

  public synchronized Strategy setEnabled(String id, boolean enabled) {
    Strategy current = get(id);
    if (current.enabled() == enabled) {
      return current;
    }
    return write(current.withEnabled(enabled, clock.instant()), enabled ? "strategy.resume" : "strategy.pause");
  }

  public synchronized void setTradingPaused(boolean paused) {
    store.setTradingPaused(paused, ADMIN);
    tradingPaused = paused;
  }

  private Strategy write(Strategy strategy, String action) {
    if (!store.update(strategy, ADMIN, action)) {
      throw ApiException.conflict("strategy " + strategy.id() + " was changed meanwhile; read it and try again");
    }
    byId.put(strategy.id(), strategy);
    return strategy;
  }

  /** The account must exist, know every mapped symbol, and not give the magic number to two strategies. */
  private void checkAgainstAccount(Strategy strategy) {
    Broker broker = brokers.find(strategy.account())
        .orElseThrow(() -> ApiException.invalid("account", "no account " + strategy.account()));
    List<String> symbols = broker.symbols().stream().map(SymbolSpec::name).toList();
    strategy.symbolMap().forEach((from, to) -> {
      if (!symbols.contains(to)) {
        throw ApiException.invalid("symbolMap." + from, "account " + strategy.account() + " has no symbol " + to
            + SymbolHint.of(to, symbols));
      }
    });
    for (Strategy other : byId.values()) {
      if (!other.id().equals(strategy.id()) && other.account().equals(strategy.account())
          && other.magic() == strategy.magic()) {
        throw new ApiException(com.mt5bridge.api.ErrorCode.CONFLICT, "magic " + strategy.magic()
            + " is already used by strategy " + other.id() + " on account " + strategy.account(), "magic");
      }
    }
  }

  /** The next free magic number (from 1001), for strategies created without one. */
  private long nextMagic() {
    return Math.max(1000, byId.values().stream().mapToLong(Strategy::magic).max().orElse(1000)) + 1;
  }
}
