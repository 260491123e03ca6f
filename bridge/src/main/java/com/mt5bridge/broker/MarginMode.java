package com.mt5bridge.broker;

/** NETTING: one position per symbol. HEDGING: every deal its own position. */
public enum MarginMode {
  NETTING,
  HEDGING
}
