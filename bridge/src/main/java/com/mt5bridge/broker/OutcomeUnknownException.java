package com.mt5bridge.broker;

/**
 * A change reached the database, but the connection broke before the database confirmed its commit:
 * it may or may not have been made. What the database holds is the answer; the account is rebuilt
 * from it. The API answers 503 OUTCOME_UNKNOWN, never "nothing was done"; a webhook answers PENDING
 * until its journal entry tells.
 */
public final class OutcomeUnknownException extends RuntimeException {

  public OutcomeUnknownException(String message) {
    super(message, null, false, false);
  }
}
