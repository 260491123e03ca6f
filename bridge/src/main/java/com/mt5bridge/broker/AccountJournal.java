package com.mt5bridge.broker;

import java.time.Duration;
import java.util.List;

/**
 * Where an account's changes become durable. The account loop calls {@link #commit} with the events
 * of a batch of requests and ticks before it answers any of them; when it throws, nothing of the
 * batch is acknowledged.
 */
public interface AccountJournal {

  /** Records a new account with the events of its opening (the initial deposit). */
  void create(AccountSettings settings, List<AccountEvent> opening);

  /**
   * Makes the batch's events durable, all or nothing. Throws {@link OutcomeUnknownException} when the
   * database stopped answering during the commit itself, so which of the two it was is not known.
   */
  void commit(String account, List<AccountEvent> events);

  /** How long the oldest commit under way has waited for its storage; zero when none is. */
  default Duration commitWait() {
    return Duration.ZERO;
  }
}
