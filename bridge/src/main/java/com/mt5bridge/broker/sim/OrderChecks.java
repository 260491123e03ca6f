package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.SymbolSpec;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * MT5's checks on a request, each returning the refusal (retcode and a sentence) or null when the
 * request passes. Everything is compared in decimal: 0.29 lots with a 0.01 step is valid.
 */
final class OrderChecks {

  record Refusal(Retcode retcode, String comment) {}

  private OrderChecks() {}

  /** Volume within [volumeMin, volumeMax] and a whole number of volumeSteps. */
  static Refusal volume(SymbolSpec spec, BigDecimal volume) {
    if (volume == null || volume.signum() <= 0) {
      return new Refusal(Retcode.INVALID_VOLUME, "volume must be positive");
    }
    if (volume.compareTo(spec.volumeMin()) < 0) {
      return new Refusal(Retcode.INVALID_VOLUME,
          "volume " + volume.toPlainString() + " is below " + spec.name() + "'s minimum " + spec.volumeMin().toPlainString());
    }
    if (volume.compareTo(spec.volumeMax()) > 0) {
      return new Refusal(Retcode.INVALID_VOLUME,
          "volume " + volume.toPlainString() + " is above " + spec.name() + "'s maximum " + spec.volumeMax().toPlainString());
    }
    if (volume.remainder(spec.volumeStep()).signum() != 0) {
      return new Refusal(Retcode.INVALID_VOLUME,
          "volume " + volume.toPlainString() + " is not a multiple of " + spec.name() + "'s step " + spec.volumeStep().toPlainString());
    }
    return null;
  }

  /** A price that must be set: positive and a whole number of ticks. */
  static Refusal price(SymbolSpec spec, BigDecimal price, String name) {
    if (price == null || price.signum() <= 0) {
      return new Refusal(Retcode.INVALID_PRICE, name + " must be positive");
    }
    return ticks(spec, price, name, Retcode.INVALID_PRICE);
  }

  /** SL or TP: 0 (none) or a positive whole number of ticks. */
  static Refusal stopPrice(SymbolSpec spec, BigDecimal price, String name) {
    if (price == null || price.signum() < 0) {
      return new Refusal(Retcode.INVALID_STOPS, name + " must be 0 (none) or positive");
    }
    return price.signum() == 0 ? null : ticks(spec, price, name, Retcode.INVALID_STOPS);
  }

  private static Refusal ticks(SymbolSpec spec, BigDecimal price, String name, Retcode retcode) {
    if (!spec.countable(price)) {
      // Counted in the symbol's points in a long, it would overflow inside the account (SymbolSpec#countable).
      return new Refusal(retcode, name + " " + price.toPlainString() + " is beyond any price " + spec.name()
          + " can have (under 10^" + spec.priceIntegerDigits() + ")");
    }
    if (price.remainder(spec.tickSize()).signum() != 0) {
      return new Refusal(retcode, name + " " + price.toPlainString() + " is not a multiple of " + spec.name()
          + "'s tick size " + spec.tickSize().toPlainString());
    }
    return null;
  }

  /**
   * SL and TP on the right side of {@code reference} and at least stopsLevel points from it. For a
   * position the reference is the price it would close at (bid for a buy, ask for a sell); for a
   * pending order its open price.
   */
  static Refusal stops(SymbolSpec spec, Side side, BigDecimal reference, BigDecimal sl, BigDecimal tp) {
    BigDecimal minimum = spec.point().multiply(BigDecimal.valueOf(spec.stopsLevel()));
    if (sl.signum() > 0) {
      BigDecimal distance = side == Side.BUY ? reference.subtract(sl) : sl.subtract(reference);
      if (distance.signum() <= 0 || distance.compareTo(minimum) < 0) {
        return new Refusal(Retcode.INVALID_STOPS, "sl " + sl.toPlainString() + " must be "
            + (side == Side.BUY ? "below " : "above ") + reference.toPlainString() + by(spec));
      }
    }
    if (tp.signum() > 0) {
      BigDecimal distance = side == Side.BUY ? tp.subtract(reference) : reference.subtract(tp);
      if (distance.signum() <= 0 || distance.compareTo(minimum) < 0) {
        return new Refusal(Retcode.INVALID_STOPS, "tp " + tp.toPlainString() + " must be "
            + (side == Side.BUY ? "above " : "below ") + reference.toPlainString() + by(spec));
      }
    }
    return null;
  }

  /**
   * A pending order's open price against the market: limits below the ask (buy) or above the bid
   * (sell), stops above the ask (buy) or below the bid (sell), by at least stopsLevel points; a
   * stop-limit's limit price on the limit side of its stop price.
   */
  static Refusal pendingPrice(SymbolSpec spec, OrderType type, BigDecimal price, BigDecimal stopLimit,
      BigDecimal bid, BigDecimal ask) {
    BigDecimal minimum = spec.point().multiply(BigDecimal.valueOf(spec.stopsLevel()));
    BigDecimal distance = distanceFromMarket(type, price, bid, ask);
    if (distance.signum() <= 0 || distance.compareTo(minimum) < 0) {
      String where = switch (type) {
        case BUY_LIMIT -> "below the ask " + ask.toPlainString();
        case SELL_LIMIT -> "above the bid " + bid.toPlainString();
        case BUY_STOP, BUY_STOP_LIMIT -> "above the ask " + ask.toPlainString();
        default -> "below the bid " + bid.toPlainString();
      };
      return new Refusal(Retcode.INVALID_PRICE, type + " price " + price.toPlainString() + " must be " + where + by(spec));
    }
    if (type.kind() == OrderType.Kind.STOP_LIMIT) {
      BigDecimal gap = type.side() == Side.BUY ? price.subtract(stopLimit) : stopLimit.subtract(price);
      if (gap.signum() < 0 || gap.compareTo(minimum) < 0) {
        return new Refusal(Retcode.INVALID_PRICE, "stopLimit " + stopLimit.toPlainString() + " must be "
            + (type.side() == Side.BUY ? "at or below" : "at or above") + " the stop price " + price.toPlainString() + by(spec));
      }
    }
    return null;
  }

  /** Inside freezeLevel points of the market a pending order can be neither changed nor deleted. */
  static Refusal frozenOrder(SymbolSpec spec, Order order, BigDecimal bid, BigDecimal ask) {
    if (spec.freezeLevel() == 0) {
      return null;
    }
    BigDecimal freeze = spec.point().multiply(BigDecimal.valueOf(spec.freezeLevel()));
    if (distanceFromMarket(order.type(), order.priceOpen(), bid, ask).compareTo(freeze) < 0) {
      return new Refusal(Retcode.FROZEN, "order " + order.ticket() + " is within the freeze level of the market");
    }
    return null;
  }

  /** Inside freezeLevel points of a position's SL or TP, its stops cannot be changed. */
  static Refusal frozenPosition(SymbolSpec spec, long ticket, Side side, BigDecimal sl, BigDecimal tp,
      BigDecimal closePrice) {
    if (spec.freezeLevel() == 0) {
      return null;
    }
    BigDecimal freeze = spec.point().multiply(BigDecimal.valueOf(spec.freezeLevel()));
    boolean slFrozen = sl.signum() > 0
        && (side == Side.BUY ? closePrice.subtract(sl) : sl.subtract(closePrice)).compareTo(freeze) < 0;
    boolean tpFrozen = tp.signum() > 0
        && (side == Side.BUY ? tp.subtract(closePrice) : closePrice.subtract(tp)).compareTo(freeze) < 0;
    if (slFrozen || tpFrozen) {
      return new Refusal(Retcode.FROZEN, "position " + ticket + "'s " + (slFrozen ? "sl" : "tp")
          + " is within the freeze level of the market");
    }
    return null;
  }

  /** SPECIFIED needs a time after now; SPECIFIED_DAY a day that is not over. */
  static Refusal expiration(Expiration expiration, Instant now, AccountClock days) {
    return switch (expiration.type()) {
      case GTC, DAY -> null;
      case SPECIFIED -> expiration.time() == null || !expiration.time().isAfter(now)
          ? new Refusal(Retcode.INVALID_EXPIRATION, "expiration time must be after the account time " + now)
          : null;
      case SPECIFIED_DAY -> expiration.time() == null || !days.endOfDay(expiration.time()).isAfter(now)
          ? new Refusal(Retcode.INVALID_EXPIRATION, "expiration day must not be over at the account time " + now)
          : null;
    };
  }

  private static BigDecimal distanceFromMarket(OrderType type, BigDecimal price, BigDecimal bid, BigDecimal ask) {
    return switch (type) {
      case BUY_LIMIT -> ask.subtract(price);
      case SELL_LIMIT -> price.subtract(bid);
      case BUY_STOP, BUY_STOP_LIMIT -> price.subtract(ask);
      case SELL_STOP, SELL_STOP_LIMIT -> bid.subtract(price);
      case BUY, SELL, CLOSE_BY -> throw new IllegalArgumentException("not a pending order: " + type);
    };
  }

  private static String by(SymbolSpec spec) {
    return spec.stopsLevel() == 0 ? "" : " by at least " + spec.stopsLevel() + " points";
  }
}
