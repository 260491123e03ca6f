package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountJournal;
import com.mt5bridge.broker.AccountListener;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerFactory;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.OutcomeUnknownException;
import com.mt5bridge.broker.UnknownAccountException;
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
    try {
      journal.create(settings, engine.drainEvents());
    } catch (OutcomeUnknownException unknown) {
      engine = createdOrNot(settings.id(), unknown);
    }
    return new AccountLoop(engine, journal, recovery, listener);
  }

  /** After an unconfirmed creation the database tells: the account as stored, or nothing was done. */
  private VirtualBroker createdOrNot(String id, OutcomeUnknownException unknown) {
    try {
      return recovery.rebuild(id);
    } catch (UnknownAccountException notCreated) {
      throw new BrokerUnavailableException("the database did not take the new account; nothing was done");
    } catch (RuntimeException cannotTell) {
      throw unknown;
    }
  }

  /** Puts a rebuilt account behind its loop. */
  public Broker resume(VirtualBroker engine) {
    return new AccountLoop(engine, journal, recovery, listener);
  }
}
