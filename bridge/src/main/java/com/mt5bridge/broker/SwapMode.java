package com.mt5bridge.broker;

/** How {@code swapLong}/{@code swapShort} are given: points per lot, or deposit currency per lot. */
public enum SwapMode {
  POINTS,
  MONEY
}
