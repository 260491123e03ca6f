package com.mt5bridge.broker;

/** MT5's ENUM_ORDER_TYPE, without the ORDER_TYPE_ prefix. */
public enum OrderType {
  BUY(Side.BUY, Kind.MARKET),
  SELL(Side.SELL, Kind.MARKET),
  BUY_LIMIT(Side.BUY, Kind.LIMIT),
  SELL_LIMIT(Side.SELL, Kind.LIMIT),
  BUY_STOP(Side.BUY, Kind.STOP),
  SELL_STOP(Side.SELL, Kind.STOP),
  BUY_STOP_LIMIT(Side.BUY, Kind.STOP_LIMIT),
  SELL_STOP_LIMIT(Side.SELL, Kind.STOP_LIMIT),
  CLOSE_BY(Side.BUY, Kind.MARKET);

  /** How an order executes: the API's {@code type} field. */
  public enum Kind { MARKET, LIMIT, STOP, STOP_LIMIT }

  private final Side side;
  private final Kind kind;

  OrderType(Side side, Kind kind) {
    this.side = side;
    this.kind = kind;
  }

  public static OrderType of(Side side, Kind kind) {
    return switch (kind) {
      case MARKET -> side == Side.BUY ? BUY : SELL;
      case LIMIT -> side == Side.BUY ? BUY_LIMIT : SELL_LIMIT;
      case STOP -> side == Side.BUY ? BUY_STOP : SELL_STOP;
      case STOP_LIMIT -> side == Side.BUY ? BUY_STOP_LIMIT : SELL_STOP_LIMIT;
    };
  }

  public Side side() {
    return side;
  }

  public Kind kind() {
    return kind;
  }

  public boolean pending() {
    return kind != Kind.MARKET;
  }
}
