package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountSettings.HedgedMargin;
import com.mt5bridge.broker.CalcMode;
import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.SymbolSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One symbol of one account: its spec, the current price, the open positions and pending orders
 * on it, and what the tick path needs to stay O(1): four {@link TriggerIndex}es and the positions'
 * aggregates per side (volume and volume × open price, as scaled longs).
 *
 * <p>Scales: prices are held with {@code digits + 3} decimals (a netting position's average price
 * keeps three decimals more than the quote); volumes with the decimals of the volume step.
 */
final class SymbolBook {

  /** Extra decimals kept for averaged prices beyond the symbol's digits. */
  static final int EXTRA_PRICE_DECIMALS = 3;

  private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

  final SymbolSpec spec;
  final int priceScale;
  final int volumeScale;

  // The market. hasPrice is false until the first tick.
  BigDecimal bid;
  BigDecimal ask;
  long bidScaled;
  long askScaled;
  boolean hasPrice;
  /**
   * The price came from the feed since the bridge started. One kept in the database from before
   * values the positions but is not dealt at: it may be hours old, and MT5 deals only at the
   * server's current price.
   */
  boolean live;
  Instant priceTime;
  /** The price moved since the account last wrote anything. */
  boolean priceDirty;

  final Map<Long, OpenPosition> positions = new LinkedHashMap<>();
  final Map<Long, Order> orders = new LinkedHashMap<>();
  long buyUnits;
  long buyCost;
  long sellUnits;
  long sellCost;

  // bid <= level: a long's SL, sell stops; bid >= level: a long's TP, sell limits;
  // ask >= level: a short's SL, buy stops; ask <= level: a short's TP, buy limits.
  private final TriggerIndex bidAtOrBelow = new TriggerIndex(TriggerIndex.Direction.AT_OR_BELOW);
  private final TriggerIndex bidAtOrAbove = new TriggerIndex(TriggerIndex.Direction.AT_OR_ABOVE);
  private final TriggerIndex askAtOrAbove = new TriggerIndex(TriggerIndex.Direction.AT_OR_ABOVE);
  private final TriggerIndex askAtOrBelow = new TriggerIndex(TriggerIndex.Direction.AT_OR_BELOW);

  /** Profit (profit currency, 10^-8) per unit of {@link #profitRaw()}, or 0 when not a whole number. */
  private final long profitMultiplier;
  private final BigDecimal profitFactor;

  /** The books a tick on this one revalues: itself, and those whose money converts through it. */
  SymbolBook[] dependents = new SymbolBook[0];
  /** How this book's profit and margin convert into the deposit currency. */
  Converter.Step[] profitSteps = new Converter.Step[0];
  Converter.Step[] marginSteps = new Converter.Step[0];

  // This book's share of the account's floating profit and margin, deposit currency, 10^-8.
  long profitE8;
  long marginE8;
  /** Margin in the margin currency, 10^-8; changes only with the positions. */
  long marginInMarginCurrencyE8;

  SymbolBook(SymbolSpec spec) {
    this.spec = spec;
    this.priceScale = spec.digits() + EXTRA_PRICE_DECIMALS;
    this.volumeScale = Math.max(0, Math.max(spec.volumeStep().stripTrailingZeros().scale(),
        spec.volumeMin().stripTrailingZeros().scale()));
    BigDecimal perPriceLot = spec.calcMode() == CalcMode.FUTURES
        ? spec.tickValue().divide(spec.tickSize(), DIVISION)
        : spec.contractSize();
    this.profitFactor = perPriceLot.movePointLeft(priceScale + volumeScale);
    BigDecimal multiplier = profitFactor.movePointRight(Fixed.MONEY_SCALE).stripTrailingZeros();
    long exact = 0;
    if (multiplier.scale() <= 0) {
      try {
        exact = multiplier.longValueExact();
      } catch (ArithmeticException tooLarge) {
        exact = 0;
      }
    }
    this.profitMultiplier = exact;
  }

  String symbol() {
    return spec.name();
  }

  // --- prices ------------------------------------------------------------------------------------

  /** Sets the price whole or, if it cannot be counted (ArithmeticException), not at all. */
  void setPrice(BigDecimal newBid, BigDecimal newAsk, Instant time) {
    long newBidScaled = Fixed.scaledQuote(newBid, priceScale);
    long newAskScaled = Fixed.scaledQuote(newAsk, priceScale);
    bidScaled = newBidScaled;
    askScaled = newAskScaled;
    bid = newBid;
    ask = newAsk;
    priceTime = time;
    hasPrice = true;
  }


  long scaled(BigDecimal price) {
    return Fixed.scaled(price, priceScale);
  }

  long units(BigDecimal volume) {
    return Fixed.scaled(volume, volumeScale);
  }

  BigDecimal volume(long units) {
    return Fixed.decimal(units, volumeScale);
  }

  BigDecimal priceToClose(Side side) {
    return side == Side.BUY ? bid : ask;
  }

  BigDecimal priceToOpen(Side side) {
    return side == Side.BUY ? ask : bid;
  }

  /** Shows a price with the symbol's digits, or with the extra decimals an average price needs. */
  BigDecimal display(BigDecimal price) {
    BigDecimal stripped = price.stripTrailingZeros();
    return stripped.scale() <= spec.digits() ? price.setScale(spec.digits(), RoundingMode.UNNECESSARY) : stripped;
  }

  // --- triggers ----------------------------------------------------------------------------------

  /** The tick path's check: does the current price reach any SL, TP or pending order? */
  boolean anyFires() {
    return bidAtOrBelow.fires(bidScaled) || bidAtOrAbove.fires(bidScaled)
        || askAtOrAbove.fires(askScaled) || askAtOrBelow.fires(askScaled);
  }

  /** A ticket whose level the price reached, and what it is: a position's SL or TP, or a pending order. */
  record Fired(long ticket, DealReason stop) {}

  /** Removes and returns every reached entry, in ticket order (the order they were created). */
  List<Fired> takeFired() {
    List<Fired> fired = new ArrayList<>();
    collect(fired, bidAtOrBelow, bidAtOrBelow.takeFired(bidScaled), DealReason.SL);
    collect(fired, bidAtOrAbove, bidAtOrAbove.takeFired(bidScaled), DealReason.TP);
    collect(fired, askAtOrAbove, askAtOrAbove.takeFired(askScaled), DealReason.SL);
    collect(fired, askAtOrBelow, askAtOrBelow.takeFired(askScaled), DealReason.TP);
    fired.sort(Comparator.comparingLong(Fired::ticket));
    return fired;
  }

  private void collect(List<Fired> into, TriggerIndex index, List<Long> tickets, DealReason positionStop) {
    for (long ticket : tickets) {
      OpenPosition position = positions.get(ticket);
      if (position != null) {
        // The other stop of the position leaves its index too: the position is about to close.
        unindexStops(position);
        into.add(new Fired(ticket, positionStop));
      } else {
        into.add(new Fired(ticket, null));
      }
    }
  }

  int pendingTriggers() {
    return bidAtOrBelow.size() + bidAtOrAbove.size() + askAtOrAbove.size() + askAtOrBelow.size();
  }

  // --- positions ---------------------------------------------------------------------------------

  void addPosition(OpenPosition position) {
    positions.put(position.ticket(), position);
    long cost = Math.multiplyExact(position.units(), position.openScaled());
    if (position.side() == Side.BUY) {
      buyUnits += position.units();
      buyCost += cost;
    } else {
      sellUnits += position.units();
      sellCost += cost;
    }
    indexStops(position);
  }

  void removePosition(OpenPosition position) {
    positions.remove(position.ticket());
    long cost = Math.multiplyExact(position.units(), position.openScaled());
    if (position.side() == Side.BUY) {
      buyUnits -= position.units();
      buyCost -= cost;
    } else {
      sellUnits -= position.units();
      sellCost -= cost;
    }
    unindexStops(position);
  }

  private void indexStops(OpenPosition position) {
    if (position.side() == Side.BUY) {
      addLevel(bidAtOrBelow, position.sl(), position.ticket());
      addLevel(bidAtOrAbove, position.tp(), position.ticket());
    } else {
      addLevel(askAtOrAbove, position.sl(), position.ticket());
      addLevel(askAtOrBelow, position.tp(), position.ticket());
    }
  }

  private void unindexStops(OpenPosition position) {
    if (position.side() == Side.BUY) {
      removeLevel(bidAtOrBelow, position.sl(), position.ticket());
      removeLevel(bidAtOrAbove, position.tp(), position.ticket());
    } else {
      removeLevel(askAtOrAbove, position.sl(), position.ticket());
      removeLevel(askAtOrBelow, position.tp(), position.ticket());
    }
  }

  // --- pending orders ----------------------------------------------------------------------------

  void addOrder(Order order) {
    orders.put(order.ticket(), order);
    addLevel(indexOf(order), order.priceOpen(), order.ticket());
  }

  void removeOrder(Order order) {
    orders.remove(order.ticket());
    removeLevel(indexOf(order), order.priceOpen(), order.ticket());
  }

  private TriggerIndex indexOf(Order order) {
    return switch (order.type()) {
      case BUY_LIMIT -> askAtOrBelow;
      case SELL_LIMIT -> bidAtOrAbove;
      case BUY_STOP, BUY_STOP_LIMIT -> askAtOrAbove;
      case SELL_STOP, SELL_STOP_LIMIT -> bidAtOrBelow;
      case BUY, SELL, CLOSE_BY -> throw new IllegalArgumentException("not a pending order: " + order.type());
    };
  }

  private void addLevel(TriggerIndex index, BigDecimal level, long ticket) {
    if (level.signum() > 0) {
      index.add(scaled(level), ticket);
    }
  }

  private void removeLevel(TriggerIndex index, BigDecimal level, long ticket) {
    if (level.signum() > 0) {
      index.remove(scaled(level), ticket);
    }
  }

  // --- valuation ---------------------------------------------------------------------------------

  /**
   * Σ ±(close − open) × volume over the open positions, in units of 10^-(priceScale+volumeScale),
   * longs closing at the bid and shorts at the ask. Exact; ArithmeticException on overflow.
   */
  long profitRaw() {
    long longs = Math.subtractExact(Math.multiplyExact(bidScaled, buyUnits), buyCost);
    long shorts = Math.subtractExact(sellCost, Math.multiplyExact(askScaled, sellUnits));
    return Math.addExact(longs, shorts);
  }

  /** Floating profit in the profit currency, 10^-8 units. */
  long profitInProfitCurrencyE8() {
    if (profitMultiplier != 0) {
      try {
        return Math.multiplyExact(profitRaw(), profitMultiplier);
      } catch (ArithmeticException overflow) {
        // fall through to the exact path
      }
    }
    BigDecimal raw = BigDecimal.valueOf(bidScaled).multiply(BigDecimal.valueOf(buyUnits))
        .subtract(BigDecimal.valueOf(buyCost))
        .add(BigDecimal.valueOf(sellCost))
        .subtract(BigDecimal.valueOf(askScaled).multiply(BigDecimal.valueOf(sellUnits)));
    return raw.multiply(profitFactor).movePointRight(Fixed.MONEY_SCALE)
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * One position's floating profit in the profit currency, 10^-8 units, exact: as the book's, for
   * its own units and open price. ArithmeticException when it does not fit a long, or the profit per
   * unit is not a whole number of 10^-8 (the caller then takes the BigDecimal path).
   */
  long profitInProfitCurrencyE8(OpenPosition position) {
    if (profitMultiplier == 0) {
      throw new ArithmeticException("no whole multiplier");
    }
    long move = position.side() == Side.BUY ? Math.subtractExact(bidScaled, position.openScaled())
        : Math.subtractExact(position.openScaled(), askScaled);
    return Math.multiplyExact(Math.multiplyExact(move, position.units()), profitMultiplier);
  }

  /** Profit in the profit currency of closing {@code volume} bought or sold at {@code open} at {@code close}. */
  BigDecimal profit(Side side, BigDecimal volume, BigDecimal open, BigDecimal close) {
    BigDecimal move = side == Side.BUY ? close.subtract(open) : open.subtract(close);
    BigDecimal perPriceLot = spec.calcMode() == CalcMode.FUTURES
        ? spec.tickValue().divide(spec.tickSize(), DIVISION)
        : spec.contractSize();
    return move.multiply(volume).multiply(perPriceLot);
  }

  /**
   * Margin in the margin currency for the given per-side aggregates: MT5's formula for the calc
   * mode, priced at the positions' open prices; opposite legs of a hedging account pay for the
   * larger one (or both, by policy).
   */
  BigDecimal margin(long buys, long buysCost, long sells, long sellsCost, int leverage, HedgedMargin hedged) {
    BigDecimal buy = sideMargin(buys, buysCost, leverage);
    BigDecimal sell = sideMargin(sells, sellsCost, leverage);
    return hedged == HedgedMargin.SUM ? buy.add(sell) : buy.max(sell);
  }

  BigDecimal currentMargin(int leverage, HedgedMargin hedged) {
    return margin(buyUnits, buyCost, sellUnits, sellCost, leverage, hedged);
  }

  private BigDecimal sideMargin(long units, long cost, int leverage) {
    if (units == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal lots = volume(units);
    BigDecimal priceLots = Fixed.decimal(cost, priceScale + volumeScale);
    BigDecimal rate = spec.marginRate();
    BigDecimal cs = spec.contractSize();
    BigDecimal lev = BigDecimal.valueOf(leverage);
    if (spec.initialMargin().signum() > 0) {
      return lots.multiply(spec.initialMargin()).multiply(rate);
    }
    return switch (spec.calcMode()) {
      case FOREX -> lots.multiply(cs).multiply(rate).divide(lev, DIVISION);
      case FOREX_NO_LEVERAGE -> lots.multiply(cs).multiply(rate);
      case CFD, EXCH_STOCKS -> priceLots.multiply(cs).multiply(rate);
      case CFD_INDEX -> priceLots.multiply(cs).multiply(spec.tickValue()).multiply(rate)
          .divide(spec.tickSize(), DIVISION);
      case CFD_LEVERAGE -> priceLots.multiply(cs).multiply(rate).divide(lev, DIVISION);
      case FUTURES -> lots.multiply(spec.initialMargin()).multiply(rate);
    };
  }
}
