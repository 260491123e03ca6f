package com.mt5bridge.broker;

/**
 * The account cannot carry out a request now (its database or terminal is away); nothing was done.
 * The API answers 503 UNAVAILABLE.
 */
public sealed class BrokerUnavailableException extends RuntimeException permits AccountServedElsewhereException {

  public BrokerUnavailableException(String message) {
    super(message, null, false, false);
  }
}
