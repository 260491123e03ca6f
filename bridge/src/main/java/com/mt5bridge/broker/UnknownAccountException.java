package com.mt5bridge.broker;

/** No account has this id. The API answers 404 NOT_FOUND. */
public final class UnknownAccountException extends RuntimeException {

  public UnknownAccountException(String id) {
    super("no account '" + id + "'", null, false, false);
  }
}
