package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountListener;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerFactory;
import java.time.InstantSource;

/** Opens SIM accounts: a VirtualBroker journaled from its first deposit, behind its own loop. */
public final class SimBrokerFactory implements BrokerFactory {

  private final AccountJournal journal;
  private final AccountLoop.Recovery recovery;
  private final AccountListener listener;
  private final InstantSource clock;

  public SimBrokerFactory(AccountJournal journal, AccountLoop.Recovery recovery,
      AccountListener listener, InstantSource clock) {
    this.journal = journal;
    this.recovery = recovery;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public Broker open(AccountSettings settings) {
    VirtualBroker engine = VirtualBroker.open(settings, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    journal.create(settings, engine.drainEvents());
    return new AccountLoop(engine, journal, recovery, listener);
  }

  /** Puts a rebuilt account behind its loop. */
  public Broker resume(VirtualBroker engine) {
    return new AccountLoop(engine, journal, recovery, listener);
  }
}
