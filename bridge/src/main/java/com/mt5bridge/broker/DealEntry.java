package com.mt5bridge.broker;

/** MT5's ENUM_DEAL_ENTRY: what a deal did to its position. */
public enum DealEntry {
  IN,
  OUT,
  INOUT,
  OUT_BY
}
