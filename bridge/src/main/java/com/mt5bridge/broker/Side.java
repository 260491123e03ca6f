package com.mt5bridge.broker;

/** Direction of an order, deal or position. */
public enum Side {
  BUY,
  SELL;

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
