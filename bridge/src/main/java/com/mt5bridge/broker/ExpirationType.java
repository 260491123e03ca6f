package com.mt5bridge.broker;

/** MT5's ENUM_ORDER_TYPE_TIME. */
public enum ExpirationType {
  GTC,
  DAY,
  SPECIFIED,
  SPECIFIED_DAY
}
