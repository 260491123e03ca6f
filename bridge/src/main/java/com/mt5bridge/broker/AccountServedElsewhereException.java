package com.mt5bridge.broker;

/**
 * The account is served by another bridge on the same database, which took it over when it started:
 * this bridge no longer trades it, and nothing was done.
 */
public final class AccountServedElsewhereException extends BrokerUnavailableException {

  public AccountServedElsewhereException(String message) {
    super(message);
  }

  /** What a request to the account answers here, once {@code owner} (another bridge) serves it. */
  public static String reason(String account, String owner) {
    return "account " + account + " is served by another bridge on this database (" + owner + "), which took it "
        + "over when it started; this bridge no longer trades it (restart this one to take it back)";
  }
}
