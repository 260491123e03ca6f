package com.mt5bridge.broker;

import java.math.BigDecimal;

/**
 * MT5's MqlTradeResult: the retcode, the tickets the request created or touched (0 when none), the
 * deal's volume and price, and the market at the time.
 */
public record TradeResult(Retcode retcode, long order, long deal, long position, BigDecimal volume,
    BigDecimal price, BigDecimal bid, BigDecimal ask, String comment) {

  public static TradeResult refused(Retcode retcode, String comment, BigDecimal bid, BigDecimal ask) {
    return new TradeResult(retcode, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, bid, ask, comment);
  }

  public boolean success() {
    return retcode.success();
  }
}
