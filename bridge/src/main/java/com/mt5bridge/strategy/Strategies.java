package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.AccountReads;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.SymbolSpec;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

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
  /** Strategies being deleted or moved while the account is asked what they hold. */
  private final Set<String> retiring = ConcurrentHashMap.newKeySet();
  private final KillSwitch killSwitch;

  public Strategies(StrategyStore store, BrokerRegistry brokers, InstantSource clock) {
    this.store = store;
    this.brokers = brokers;
    this.clock = clock;
    this.killSwitch = new KillSwitch(store, ADMIN);
  }

  /** Reads every strategy and the kill switch from the store (at start-up, once the schema is there). */
  public synchronized void load() {
    byId.clear();
    store.all().forEach(s -> byId.put(s.id(), s));
    killSwitch.load();
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
    return killSwitch.paused();
  }

  /** The kill switch, and whether the database has stored its newest change. */
  public TradingState trading() {
    return killSwitch.state();
  }

  public synchronized Strategy create(StrategyJson.Body body) {
    if (body.id() != null && byId.containsKey(body.id())) {
      throw ApiException.conflict("strategy " + body.id() + " already exists");
    }
    Strategy strategy = body.toNew(clock.instant(), () -> nextMagic(body.account()));
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
    Supplier<Strategy> save = () -> {
      checkAgainstAccount(replacement);
      return write(replacement, "strategy.update");
    };
    boolean moving = !replacement.account().equals(current.account()) || replacement.magic() != current.magic();
    return moving ? retire(current, "move it to another account or magic number", save) : save.get();
  }

  public synchronized void delete(String id) {
    retire(get(id), "delete it", () -> {
      store.delete(id, ADMIN);
      return byId.remove(id);
    });
  }

  /**
   * Makes a change that takes the strategy off its account and magic number, once the account shows
   * it holds nothing there. The strategy is marked meanwhile, so that a signal queued behind the
   * account's answer is refused at its turn ({@link #checkStillTrading}).
   */
  private <T> T retire(Strategy current, String change, Supplier<T> then) {
    retiring.add(current.id());
    try {
      refuseWhileHolding(current, change);
      return then.get();
    } finally {
      retiring.remove(current.id());
    }
  }

  /**
   * The strategy as it stands at the start of a signal's turn on the account's thread, so that a
   * change made while the signal waited (its limits, winding down) applies to it. Refuses the signal
   * when the strategy, or all trading, was paused meanwhile, and when the strategy was deleted or
   * moved to another account or magic number since it was admitted, or is being so now. A deletion
   * or move marks the strategy before it asks the account what the strategy holds, and the account
   * answers in turn: so a signal either traded before the answer (and the change is refused for its
   * holdings) or is refused here, and never opens a position nobody owns.
   */
  public Strategy checkStillTrading(Strategy admitted) {
    Strategy current = byId.get(admitted.id());
    if (current == null) {
      throw ApiException.conflict("strategy " + admitted.id() + " was deleted while the signal waited for its "
          + "account; nothing was done");
    }
    if (!current.account().equals(admitted.account()) || current.magic() != admitted.magic()) {
      throw ApiException.conflict("strategy " + admitted.id() + " was moved to another account or magic number "
          + "while the signal waited for its account; nothing was done");
    }
    if (retiring.contains(admitted.id())) {
      throw ApiException.conflict("strategy " + admitted.id() + " is being deleted or moved; nothing was done");
    }
    if (killSwitch.paused()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "trading was paused by the kill switch while the signal waited for "
          + "its account; nothing was done", null);
    }
    if (!current.enabled()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "strategy " + admitted.id() + " was paused while the signal waited "
          + "for its account; nothing was done", "strategy");
    }
    return current;
  }

  /** Pauses the strategy, or resumes it to trade fully (winding down ends too). */
  public synchronized Strategy setEnabled(String id, boolean enabled) {
    Strategy current = get(id);
    if (current.enabled() == enabled && !current.exitsOnly()) {
      return current;
    }
    return write(current.withState(enabled, false, clock.instant()), enabled ? "strategy.resume" : "strategy.pause");
  }

  /** Winds the strategy down: its alerts may reduce and close its positions, never add to them. */
  public synchronized Strategy setExitsOnly(String id) {
    Strategy current = get(id);
    if (current.enabled() && current.exitsOnly()) {
      return current;
    }
    return write(current.withState(true, true, clock.instant()), "strategy.exits-only");
  }

  /** The kill switch: a pause takes effect at once, a resume once stored (see {@link KillSwitch}). */
  TradingState setTradingPaused(boolean paused) {
    return paused ? killSwitch.pause() : killSwitch.resume();
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
    checkFixedVolume(strategy, broker.symbols());
    for (Strategy other : byId.values()) {
      if (!other.id().equals(strategy.id()) && other.account().equals(strategy.account())
          && other.magic() == strategy.magic()) {
        throw new ApiException(ErrorCode.CONFLICT, "magic " + strategy.magic()
            + " is already used by strategy " + other.id() + " on account " + strategy.account(), "magic");
      }
    }
  }

  /**
   * A FIXED volume that no entry could ever open (above the strategy's own maxVolume, or outside what
   * every symbol of the account takes) is a mistake to say now, not at each alert.
   */
  private static void checkFixedVolume(Strategy strategy, Collection<SymbolSpec> symbols) {
    if (strategy.sizing().mode() != Sizing.Mode.FIXED || symbols.isEmpty()) {
      return;
    }
    BigDecimal volume = strategy.sizing().volume();
    BigDecimal maxVolume = strategy.limits().maxVolume();
    if (maxVolume.signum() > 0 && volume.compareTo(maxVolume) > 0) {
      throw ApiException.invalid("sizing.volume", "the fixed volume " + volume.toPlainString() + " lots is above the "
          + "strategy's limits.maxVolume " + maxVolume.toPlainString() + ": every entry sized by it would be refused");
    }
    BigDecimal leastMin = symbols.stream().map(SymbolSpec::volumeMin).min(Comparator.naturalOrder()).orElseThrow();
    BigDecimal mostMax = symbols.stream().map(SymbolSpec::volumeMax).max(Comparator.naturalOrder()).orElseThrow();
    if (volume.compareTo(leastMin) < 0 || volume.compareTo(mostMax) > 0) {
      throw ApiException.invalid("sizing.volume", "the fixed volume " + volume.toPlainString() + " lots is outside "
          + "what any symbol of account " + strategy.account() + " takes (from " + leastMin.toPlainString() + " to "
          + mostMax.toPlainString() + " lots): every entry sized by it would be refused");
    }
  }

  /**
   * The next free magic number (from 1001), for strategies created without one: above every
   * strategy's, and above those of the account's open positions and pending orders, so that a new
   * strategy never takes over trades it did not make (an API order's, say).
   */
  private long nextMagic(String account) {
    long highest = byId.values().stream().mapToLong(Strategy::magic).max().orElse(1000);
    if (account != null) {
      Optional<AccountSnapshot> state = brokers.find(account).map(Strategies::snapshot);
      if (state.isPresent()) {
        highest = Math.max(highest, state.get().positions().stream().mapToLong(Position::magic).max().orElse(0));
        highest = Math.max(highest, state.get().orders().stream().mapToLong(Order::magic).max().orElse(0));
      }
    }
    return Math.max(1000, highest) + 1;
  }

  /**
   * A strategy that still holds positions or pending orders keeps its account and magic number:
   * without them its trades would be left to nobody, or to the next strategy given that number.
   */
  private void refuseWhileHolding(Strategy strategy, String change) {
    Optional<AccountSnapshot> state = brokers.find(strategy.account()).map(Strategies::snapshot);
    if (state.isEmpty()) {
      return;
    }
    long positions = state.get().positions().stream().filter(p -> p.magic() == strategy.magic()).count();
    long orders = state.get().orders().stream().filter(o -> o.magic() == strategy.magic()).count();
    if (positions + orders > 0) {
      throw ApiException.conflict("strategy " + strategy.id() + " still holds " + count(positions, "position")
          + " and " + count(orders, "pending order") + " on account " + strategy.account() + " (magic "
          + strategy.magic() + "); close and cancel them before you " + change + " (a closeall and a cancel "
          + "alert do it), or pause the strategy instead");
    }
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** What the account holds now: its answer within {@link AccountReads#WAIT}, else 503 saying why. */
  private static AccountSnapshot snapshot(Broker broker) {
    try {
      return AccountReads.snapshot(broker).get();
    } catch (ExecutionException e) {
      throw ApiException.unavailable(e.getCause() instanceof BrokerUnavailableException unavailable
          ? unavailable.getMessage() : "account " + broker.id() + " could not show its positions; try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the bridge is stopping");
    }
  }
}
