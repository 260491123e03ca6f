package com.mt5bridge.broker;

/** Opens the broker behind a new account of one mode. */
public interface BrokerFactory {

  Broker open(AccountSettings settings);
}
