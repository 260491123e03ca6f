package com.mt5bridge.broker;

/** SIM: the VirtualBroker. LIVE: an MT5 terminal through its Expert Advisor. */
public enum AccountMode {
  SIM,
  LIVE
}
