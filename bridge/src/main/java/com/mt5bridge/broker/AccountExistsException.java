package com.mt5bridge.broker;

/** An account with this id exists already. The API answers 409 CONFLICT. */
public final class AccountExistsException extends RuntimeException {

  public AccountExistsException(String id) {
    super("account '" + id + "' exists already", null, false, false);
  }
}
