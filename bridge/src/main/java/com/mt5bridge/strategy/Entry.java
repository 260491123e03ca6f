package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The prices of an order a signal opens: where it enters (the ask for a market buy, the bid for a
 * market sell, the order price for a pending one) and its SL and TP, given as prices or as pips
 * from the entry, every price on the symbol's tick grid. 0 means none, as in MT5.
 *
 * @param orderPrice the pending order's price, 0 for a market order
 */
record Entry(Side side, OrderType.Kind kind, BigDecimal price, BigDecimal orderPrice, BigDecimal sl, BigDecimal tp) {

  /** A market order that only reduces or closes a position: no SL or TP of its own. */
  static Entry closing(Side side) {
    return new Entry(side, OrderType.Kind.MARKET, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  static Entry of(Signal signal, Side side, SymbolSpec spec, Tick quote) {
    OrderType.Kind kind = signal.kind();
    BigDecimal orderPrice = BigDecimal.ZERO;
    BigDecimal entry;
    if (kind == OrderType.Kind.MARKET) {
      if (quote == null) {
        throw ApiException.invalid("symbol", spec.name() + " has no price yet (the market may be closed)");
      }
      entry = side == Side.BUY ? quote.ask() : quote.bid();
    } else {
      orderPrice = onGrid(signal.price(), spec);
      entry = orderPrice;
    }
    BigDecimal sl = level(signal.sl(), signal.slPips(), entry, side == Side.BUY ? -1 : 1, spec);
    BigDecimal tp = level(signal.tp(), signal.tpPips(), entry, side == Side.BUY ? 1 : -1, spec);
    if (sl.signum() > 0 && (side == Side.BUY ? sl.compareTo(entry) >= 0 : sl.compareTo(entry) <= 0)) {
      throw ApiException.invalid(signal.sl() != null ? "sl" : "slPips", "a " + side.name().toLowerCase()
          + "'s stop-loss " + sl.toPlainString() + " must be " + (side == Side.BUY ? "below" : "above")
          + " the entry " + entry.toPlainString());
    }
    if (tp.signum() > 0 && (side == Side.BUY ? tp.compareTo(entry) <= 0 : tp.compareTo(entry) >= 0)) {
      throw ApiException.invalid(signal.tp() != null ? "tp" : "tpPips", "a " + side.name().toLowerCase()
          + "'s take-profit " + tp.toPlainString() + " must be " + (side == Side.BUY ? "above" : "below")
          + " the entry " + entry.toPlainString());
    }
    return new Entry(side, kind, entry, orderPrice, sl, tp);
  }

  /** A pip: 10 points on 3- and 5-digit symbols, 1 point otherwise. */
  static BigDecimal pip(SymbolSpec spec) {
    BigDecimal point = BigDecimal.ONE.movePointLeft(spec.digits());
    return spec.digits() == 3 || spec.digits() == 5 ? point.movePointRight(1) : point;
  }

  /** A price rounded to the nearest tick, half up (an alert's 1.0890123 becomes 1.08901). */
  static BigDecimal onGrid(BigDecimal price, SymbolSpec spec) {
    BigDecimal ticks = price.divide(spec.tickSize(), 0, RoundingMode.HALF_UP);
    return ticks.multiply(spec.tickSize()).setScale(spec.digits(), RoundingMode.HALF_UP);
  }

  private static BigDecimal level(BigDecimal price, BigDecimal pips, BigDecimal entry, int direction, SymbolSpec spec) {
    if (price != null) {
      return price.signum() == 0 ? BigDecimal.ZERO : onGrid(price, spec);
    }
    if (pips != null && pips.signum() > 0) {
      BigDecimal distance = pips.multiply(pip(spec));
      BigDecimal level = direction > 0 ? entry.add(distance) : entry.subtract(distance);
      if (level.signum() <= 0) {
        throw ApiException.invalid(direction > 0 ? "tpPips" : "slPips", "the distance puts the level below zero");
      }
      return onGrid(level, spec);
    }
    return BigDecimal.ZERO;
  }
}
