package com.mt5bridge.broker;

/** MT5's ENUM_ORDER_STATE, the states the bridge uses. */
public enum OrderState {
  PLACED,
  FILLED,
  CANCELED,
  EXPIRED,
  REJECTED;

  public boolean active() {
    return this == PLACED;
  }
}
