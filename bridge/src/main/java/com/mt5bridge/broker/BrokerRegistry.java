package com.mt5bridge.broker;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One broker per account, created once and cached (the original design's BrokerFactory). SIM
 * accounts are subscribed to the {@link TickHub}; LIVE accounts take prices from their terminal.
 * Once closed (the bridge stopping) it takes no more: a broker that start-up rebuilds after that is
 * closed at once, so that no account keeps running in a stopped bridge.
 */
public final class BrokerRegistry implements AutoCloseable {

  private final Map<String, Broker> brokers = new ConcurrentHashMap<>();
  private final Map<AccountMode, BrokerFactory> factories;
  private final TickHub ticks;
  private boolean closed;

  public BrokerRegistry(Map<AccountMode, BrokerFactory> factories, TickHub ticks) {
    this.factories = Map.copyOf(factories);
    this.ticks = ticks;
  }

  /** Opens a new account; {@link AccountExistsException} if the id is taken. */
  public synchronized Broker create(AccountSettings settings) {
    requireOpen();
    if (brokers.containsKey(settings.id())) {
      throw new AccountExistsException(settings.id());
    }
    BrokerFactory factory = factories.get(settings.mode());
    if (factory == null) {
      throw new InvalidFieldException("mode", settings.mode() + " accounts are not available in this bridge");
    }
    Broker broker = factory.open(settings);
    add(broker);
    if (broker.mode() == AccountMode.SIM) {
      // After subscribing: a tick published meanwhile reaches the account first and is kept.
      ticks.seed(broker);
    }
    return broker;
  }

  /**
   * Adds a broker rebuilt at start-up; closes it instead when the registry is already closed, or when
   * the account is already here (a second copy would trade and commit the same account beside it).
   */
  public synchronized void add(Broker broker) {
    if (closed) {
      closeQuietly(broker);
      throw new BrokerUnavailableException("the bridge is stopping");
    }
    Broker present = brokers.get(broker.id());
    if (present != null && !(present instanceof UnloadedAccount)) {
      closeQuietly(broker);
      throw new IllegalStateException("account " + broker.id() + " is already loaded");
    }
    brokers.put(broker.id(), broker);
    if (broker.mode() == AccountMode.SIM) {
      ticks.subscribe(broker);
    }
  }

  /**
   * Holds the place of an account start-up could not load, until {@link #add} replaces it: requests
   * to it fail with the reason, and it takes no ticks.
   */
  public synchronized void addUnloaded(UnloadedAccount account) {
    requireOpen();
    Broker present = brokers.get(account.id());
    if (present == null || present instanceof UnloadedAccount) {
      brokers.put(account.id(), account);
    }
  }

  /** The accounts start-up could not load (yet), with why. */
  public Map<String, String> unloaded() {
    Map<String, String> reasons = new TreeMap<>();
    brokers.values().forEach(b -> {
      if (b instanceof UnloadedAccount unloaded) {
        reasons.put(unloaded.id(), unloaded.reason());
      }
    });
    return reasons;
  }

  /**
   * Every account that does not trade here, with why: those start-up could not load (yet), and those
   * another bridge on the same database has taken over.
   */
  public Map<String, String> notTrading() {
    Map<String, String> reasons = new TreeMap<>();
    brokers.values().forEach(b -> b.notTrading().ifPresent(reason -> reasons.put(b.id(), reason)));
    return reasons;
  }

  /** True when {@code id} is loaded (not merely held for by an {@link UnloadedAccount}). */
  public boolean loaded(String id) {
    Broker broker = brokers.get(id);
    return broker != null && !(broker instanceof UnloadedAccount);
  }

  public Optional<Broker> find(String id) {
    return Optional.ofNullable(brokers.get(id));
  }

  /** The account's broker; {@link UnknownAccountException} if there is none. */
  public Broker get(String id) {
    return find(id).orElseThrow(() -> new UnknownAccountException(id));
  }

  /** Every account, by id. */
  public List<Broker> all() {
    return brokers.values().stream().sorted(Comparator.comparing(Broker::id)).toList();
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Broker broker : brokers.values()) {
      ticks.unsubscribe(broker);
      closeQuietly(broker);
    }
    brokers.clear();
  }

  private void requireOpen() {
    if (closed) {
      throw new BrokerUnavailableException("the bridge is stopping");
    }
  }

  private static void closeQuietly(Broker broker) {
    if (broker instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // stopping: nothing more to do for this account
      }
    }
  }
}
