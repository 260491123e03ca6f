package com.mt5bridge.broker;

/**
 * MT5's deal (and order) reasons: webhook and API orders are EXPERT, the web page's buttons CLIENT,
 * triggered stops SL/TP, stop-out SO.
 */
public enum DealReason {
  CLIENT,
  EXPERT,
  SL,
  TP,
  SO
}
