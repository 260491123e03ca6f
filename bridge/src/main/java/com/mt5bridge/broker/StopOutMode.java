package com.mt5bridge.broker;

/** Whether margin-call and stop-out levels are margin-level percentages or equity amounts. */
public enum StopOutMode {
  PERCENT,
  MONEY
}
