package com.mt5bridge.broker;

/**
 * What an account tells the parts that keep figures of their own from its committed changes (a
 * strategy's result today, say), on the account's own thread.
 */
@FunctionalInterface
public interface AccountListener {

  /** A batch of changes, committed. */
  void committed(AccountEvent.Batch batch);

  /**
   * The account was rebuilt from storage after a commit failed: a commit whose outcome was unknown
   * may have landed without being told here, so figures kept from the batches must be read again.
   */
  default void rebuilt(String account) {}
}
