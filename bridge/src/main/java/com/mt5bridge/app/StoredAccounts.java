package com.mt5bridge.app;

import com.mt5bridge.broker.AccountServedElsewhereException;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.TickHub;
import com.mt5bridge.broker.UnloadedAccount;
import com.mt5bridge.broker.sim.SimBrokerFactory;
import com.mt5bridge.broker.sim.VirtualBroker;
import com.mt5bridge.store.AccountLoader;
import com.mt5bridge.store.Database;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts the database holds, brought into the registry: taken over for this bridge and
 * rebuilt at start-up, the ones that could not be loaded tried again, and the ones another bridge
 * took over since stopped here.
 */
final class StoredAccounts {

  private static final Logger log = LoggerFactory.getLogger(StoredAccounts.class);

  private final Database database;
  private final AccountLoader loader;
  private final BrokerRegistry brokers;
  private final TickHub ticks;
  private final SimBrokerFactory sim;

  StoredAccounts(Database database, AccountLoader loader, BrokerRegistry brokers, TickHub ticks, SimBrokerFactory sim) {
    this.database = database;
    this.loader = loader;
    this.brokers = brokers;
    this.ticks = ticks;
    this.sim = sim;
  }

  /**
   * Loads every account not loaded yet, so that it can be run again after a failed attempt: the
   * accounts an earlier attempt loaded are kept, not loaded twice. Each is taken over from any
   * bridge that served it before (the last one started on a database serves its accounts). An
   * account that cannot be loaded while the database answers is held by an {@link UnloadedAccount}
   * and the others trade; one the database could not give fails the whole attempt.
   */
  void load() {
    Map<String, Integer> takenFrom = new TreeMap<>();
    for (String id : loader.accountIds()) {
      if (brokers.loaded(id)) {
        continue;
      }
      VirtualBroker account;
      try {
        AccountLoader.Claim claim = loader.claim(id);
        if (claim.from() != null) {
          takenFrom.merge(claim.from(), 1, Integer::sum);
        }
        account = VirtualBroker.restore(claim.account(), ticks.live(claim.account().settings().symbols()));
      } catch (RuntimeException e) {
        if (!database.ping(Duration.ofSeconds(1))) {
          throw e;
        }
        if (brokers.find(id).isEmpty()) {
          log.atError().setMessage("account could not be loaded; the others trade, it is tried again")
              .addKeyValue("account", id).addKeyValue("reason", e.getMessage()).log();
        }
        brokers.addUnloaded(new UnloadedAccount(id, String.valueOf(e.getMessage())));
        continue;
      }
      boolean retried = brokers.find(id).isPresent();
      ticks.remember(account.lastPrices());
      brokers.add(sim.resume(account));
      if (retried) {
        log.atInfo().setMessage("account loaded after all; it trades").addKeyValue("account", id).log();
      }
    }
    if (!takenFrom.isEmpty()) {
      // After a restart, from this bridge's own earlier run; from a bridge still running, that one
      // stops trading them.
      log.atInfo().setMessage("accounts taken over from the bridges that served them before")
          .addKeyValue("from", takenFrom).log();
    }
  }

  /**
   * Every 2 s once ready: the accounts that could not be loaded are tried again, and those another
   * bridge took over since are no longer traded here (not taken back: the two would take turns).
   */
  void upkeep() {
    if (!brokers.unloaded().isEmpty()) {
      load();
    }
    loader.servedElsewhere().forEach((id, owner) -> brokers.find(id).filter(b -> b.notTrading().isEmpty())
        .ifPresent(b -> b.servedElsewhere(AccountServedElsewhereException.reason(id, owner))));
  }
}
