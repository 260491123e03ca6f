package com.mt5bridge.broker;

/**
 * Where a webhook signal stands in the journal. EXECUTED and REJECTED are final; PENDING waits for
 * a terminal's answer; DUPLICATE records a repeated delivery that was answered with the first one.
 */
public enum SignalStatus {
  EXECUTED,
  PENDING,
  REJECTED,
  DUPLICATE
}
