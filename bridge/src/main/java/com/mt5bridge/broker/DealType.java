package com.mt5bridge.broker;

/** MT5's ENUM_DEAL_TYPE, the types the bridge produces. */
public enum DealType {
  BUY,
  SELL,
  BALANCE,
  CREDIT;

  public static DealType of(Side side) {
    return side == Side.BUY ? BUY : SELL;
  }
}
