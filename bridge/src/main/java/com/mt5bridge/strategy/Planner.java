package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.ErrorCode;
import com.mt5bridge.broker.EntryDelay;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradingDesk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a strategy's signal into a {@link Plan} on the account as it stands: sized, on the tick
 * grid, within the strategy's limits, touching only the strategy's own positions and orders (its
 * magic). Runs inside the account's turn; it only reads, and throws {@link ApiException} when the
 * signal cannot be carried out, before anything is sent.
 */
public final class Planner {

  private final RiskLimits limits;

  /** @param entryDelay how long a signal may have waited for its account and still open a trade */
  public Planner(DailyResults daily, EntryDelay entryDelay) {
    this.limits = new RiskLimits(daily, entryDelay);
  }

  public Plan plan(TradingDesk desk, Strategy strategy, Signal signal, Source source) {
    long magic = strategy.magic();
    String symbol = signal.symbol();
    return switch (signal.action()) {
      case BUY, SELL -> signal.positionSize() != null
          ? toTarget(desk, strategy, signal, source)
          : open(desk, strategy, signal, source);
      case CLOSE, CLOSE_LONG, CLOSE_SHORT ->
          close(desk, new Selection(symbol, signal.action().only(), magic), signal, source);
      case CLOSE_ALL -> close(desk, new Selection(null, null, magic), signal, source);
      case FLAT -> flat(desk, new Selection(symbol, null, magic), signal, source);
      case CANCEL, CANCEL_LONG, CANCEL_SHORT -> cancel(desk, new Selection(symbol, signal.action().only(), magic), source);
    };
  }

  /** Buy or sell: a market or pending order of the sized volume. */
  private Plan open(TradingDesk desk, Strategy strategy, Signal signal, Source source) {
    SymbolSpec spec = spec(desk, signal.symbol());
    Side side = signal.action().side();
    if (strategy.exitsOnly()) {
      return reduceOnly(desk, strategy, signal, spec, side, source);
    }
    Entry entry = Entry.of(signal, side, spec, desk.price(spec.name()).orElse(null));
    BigDecimal volume = Sizer.volume(desk, strategy, signal, spec, entry);
    BigDecimal opening = volume;
    boolean newSlot = true;
    if (desk.marginMode() == MarginMode.NETTING) {
      BigDecimal net = net(nettingPosition(desk, strategy, spec));
      if (entry.kind() == OrderType.Kind.MARKET) {
        // An opposite order first reduces the position: only the rest adds exposure.
        newSlot = net.signum() == 0;
        if (net.signum() != 0 && (net.signum() > 0) != (side == Side.BUY)) {
          opening = volume.subtract(net.abs()).max(BigDecimal.ZERO);
        }
      }
    }
    if (opening.signum() > 0) {
      limits.check(desk, strategy, signal, spec, entry.kind(), opening, newSlot);
    }
    return Plan.of(order(strategy, signal, spec, entry, volume, source));
  }

  /**
   * A winding-down strategy's buy or sell: on a netting account, a market order against its position
   * closes up to all of it and goes no further; anything else would add exposure and is refused.
   * (On a hedging account a buy or sell always opens a position: exits come as close commands.)
   */
  private Plan reduceOnly(TradingDesk desk, Strategy strategy, Signal signal, SymbolSpec spec, Side side,
      Source source) {
    BigDecimal net = desk.marginMode() == MarginMode.NETTING ? net(nettingPosition(desk, strategy, spec))
        : BigDecimal.ZERO;
    boolean against = net.signum() != 0 && (net.signum() > 0) != (side == Side.BUY);
    if (signal.kind() != OrderType.Kind.MARKET || !against) {
      throw new ApiException(ErrorCode.RISK_LIMIT, "strategy " + strategy.id() + " takes exits only: a "
          + side.name().toLowerCase(Locale.ROOT) + (signal.kind() == OrderType.Kind.MARKET ? "" : " " + signal.kind()
          .name().toLowerCase(Locale.ROOT)) + " of " + spec.name() + " would add to its positions (resume it to "
          + "trade fully)", "exitsOnly");
    }
    // Sized as any order of the strategy (its contracts, say), then cut to the position.
    Entry entry = Entry.of(signal, side, spec, desk.price(spec.name()).orElse(null));
    BigDecimal sized = Sizer.volume(desk, strategy, signal, spec, entry);
    BigDecimal volume = sized.min(net.abs());
    Plan closing = Plan.of(order(strategy, signal, spec, Entry.closing(side), volume, source));
    return sized.compareTo(volume) > 0
        ? closing.cutShort(exitsOnly(strategy) + "the " + side.name().toLowerCase(Locale.ROOT) + " of "
            + Sizer.plain(sized) + " lots closes its " + Sizer.plain(volume) + " lots of " + spec.name()
            + " and goes no further (resume it to trade fully)")
        : closing;
  }

  /**
   * TradingView's net position: trade the difference. On a netting account that is one order; on a
   * hedging one the strategy's opposite positions are closed, an excess on the same side is closed
   * oldest first, and a shortfall opened, so the strategy never ends up hedged against itself.
   */
  private Plan toTarget(TradingDesk desk, Strategy strategy, Signal signal, Source source) {
    if (signal.kind() != OrderType.Kind.MARKET) {
      throw ApiException.invalid("type", "positionSize works with market orders only");
    }
    SymbolSpec spec = spec(desk, signal.symbol());
    BigDecimal wanted = Sizer.target(signal.positionSize(), strategy, spec);
    BigDecimal target = wanted;
    if (strategy.exitsOnly()) {
      BigDecimal held = desk.marginMode() == MarginMode.NETTING ? net(nettingPosition(desk, strategy, spec))
          : net(desk.positions(new Selection(spec.name(), null, strategy.magic())));
      target = towardFlat(wanted, held);
      if (target.compareTo(held) == 0 && wanted.compareTo(held) != 0) {
        return Plan.nothing(exitsOnly(strategy) + "it holds " + held.toPlainString()
            + " lots of " + spec.name() + " and adds none (resume it to trade fully)");
      }
    }
    Plan plan = desk.marginMode() == MarginMode.NETTING
        ? toNettingTarget(desk, strategy, signal, spec, target, source)
        : toHedgingTarget(desk, strategy, signal, spec, target, source);
    return target.compareTo(wanted) == 0 ? plan : plan.cutShort(exitsOnly(strategy) + "it goes to "
        + Sizer.plain(target) + " lots of " + spec.name() + ", not to the " + Sizer.plain(wanted)
        + " asked for (resume it to trade fully)");
  }

  private Plan toNettingTarget(TradingDesk desk, Strategy strategy, Signal signal, SymbolSpec spec, BigDecimal target,
      Source source) {
    BigDecimal net = net(nettingPosition(desk, strategy, spec));
    BigDecimal delta = target.subtract(net);
    if (delta.signum() == 0) {
      return Plan.nothing("the strategy already holds " + target.toPlainString() + " lots of " + spec.name());
    }
    Side side = delta.signum() > 0 ? Side.BUY : Side.SELL;
    boolean reversal = net.signum() != 0 && target.signum() != 0 && net.signum() != target.signum();
    BigDecimal opening = reversal ? target.abs() : target.abs().subtract(net.abs()).max(BigDecimal.ZERO);
    Entry entry = opening.signum() > 0 ? Entry.of(signal, side, spec, desk.price(spec.name()).orElse(null))
        : Entry.closing(side);
    if (opening.signum() > 0) {
      limits.check(desk, strategy, signal, spec, OrderType.Kind.MARKET, opening, net.signum() == 0);
    }
    if (reversal && delta.abs().compareTo(spec.volumeMax()) > 0 && net.abs().compareTo(spec.volumeMax()) <= 0
        && opening.compareTo(spec.volumeMax()) <= 0) {
      // Too much for one order, as MT5 itself would refuse it: close the position, then open the new side.
      return new Plan(List.of(order(strategy, signal, spec, Entry.closing(side), net.abs(), source),
          order(strategy, signal, spec, entry, opening, source)), true, null);
    }
    Sizer.checkTargetOrder(delta.abs(), side, signal.positionSize(), strategy, spec);
    return Plan.of(order(strategy, signal, spec, entry, delta.abs(), source));
  }

  private Plan toHedgingTarget(TradingDesk desk, Strategy strategy, Signal signal, SymbolSpec spec, BigDecimal target,
      Source source) {
    List<Position> own = desk.positions(new Selection(spec.name(), null, strategy.magic()));
    Side keep = target.signum() >= 0 ? Side.BUY : Side.SELL;
    List<TradeRequest> requests = new ArrayList<>();
    BigDecimal held = BigDecimal.ZERO;
    for (Position position : own) {
      if (position.type() != keep) {
        requests.add(new TradeRequest.ClosePosition(position.ticket(), null, comment(signal), source));
      } else {
        held = held.add(position.volume());
      }
    }
    BigDecimal excess = held.subtract(target.abs());
    for (Position position : own) {
      if (position.type() == keep && excess.signum() > 0) {
        BigDecimal closing = position.volume().min(excess);
        boolean whole = closing.compareTo(position.volume()) == 0;
        if (!whole) {
          Sizer.checkTargetOrder(closing, keep.opposite(), signal.positionSize(), strategy, spec);
        }
        requests.add(new TradeRequest.ClosePosition(position.ticket(), whole ? null : closing, comment(signal),
            source));
        excess = excess.subtract(closing);
      }
    }
    BigDecimal opening = target.abs().subtract(held).max(BigDecimal.ZERO);
    if (opening.signum() > 0) {
      Sizer.checkTargetOrder(opening, keep, signal.positionSize(), strategy, spec);
      Entry entry = Entry.of(signal, keep, spec, desk.price(spec.name()).orElse(null));
      limits.check(desk, strategy, signal, spec, OrderType.Kind.MARKET, opening, true);
      requests.add(order(strategy, signal, spec, entry, opening, source));
    }
    if (requests.isEmpty()) {
      return Plan.nothing("the strategy already holds " + target.toPlainString() + " lots of " + spec.name());
    }
    return new Plan(List.copyOf(requests), true, null);
  }

  private static Plan close(TradingDesk desk, Selection selection, Signal signal, Source source) {
    List<TradeRequest> requests = new ArrayList<>();
    for (Position position : desk.positions(selection)) {
      requests.add(new TradeRequest.ClosePosition(position.ticket(), null, comment(signal), source));
    }
    if (requests.isEmpty()) {
      return Plan.nothing("the strategy has no open positions" + where(selection));
    }
    return new Plan(List.copyOf(requests), false, null);
  }

  private static Plan flat(TradingDesk desk, Selection selection, Signal signal, Source source) {
    List<TradeRequest> requests = new ArrayList<>(close(desk, selection, signal, source).requests());
    requests.addAll(cancel(desk, selection, source).requests());
    if (requests.isEmpty()) {
      return Plan.nothing("the strategy has no open positions or pending orders" + where(selection));
    }
    return new Plan(List.copyOf(requests), false, null);
  }

  private static Plan cancel(TradingDesk desk, Selection selection, Source source) {
    List<TradeRequest> requests = new ArrayList<>();
    for (Order order : desk.orders(selection)) {
      requests.add(new TradeRequest.CancelOrder(order.ticket(), source));
    }
    if (requests.isEmpty()) {
      return Plan.nothing("the strategy has no pending orders" + where(selection));
    }
    return new Plan(List.copyOf(requests), false, null);
  }

  private static TradeRequest order(Strategy strategy, Signal signal, SymbolSpec spec, Entry entry, BigDecimal volume,
      Source source) {
    return new TradeRequest.PlaceOrder(OrderType.of(entry.side(), entry.kind()), spec.name(), volume,
        entry.orderPrice(), BigDecimal.ZERO, entry.sl(), entry.tp(), Expiration.GTC, comment(signal),
        strategy.magic(), source);
  }

  private static SymbolSpec spec(TradingDesk desk, String symbol) {
    return desk.spec(symbol).orElseThrow(() ->
        ApiException.invalid("symbol", "account " + desk.account() + " has no symbol " + symbol));
  }

  /**
   * The symbol's position on a netting account, which must be the strategy's own, as must every
   * pending order for the symbol: whatever the strategy sends nets against the position, and a
   * pending order nets against whatever position is there when it fills, so trading beside
   * another magic would change, or close, a position the strategy does not own.
   */
  private static List<Position> nettingPosition(TradingDesk desk, Strategy strategy, SymbolSpec spec) {
    List<Position> onSymbol = desk.positions(Selection.symbol(spec.name()));
    for (Position position : onSymbol) {
      if (position.magic() != strategy.magic()) {
        throw ApiException.invalid("symbol", "the " + spec.name() + " position on this netting account belongs to magic "
            + position.magic() + ", not to strategy " + strategy.id() + " (" + strategy.magic() + "), and any order "
            + "for " + spec.name() + " would net against it");
      }
    }
    for (Order order : desk.orders(Selection.symbol(spec.name()))) {
      if (order.magic() != strategy.magic()) {
        throw ApiException.invalid("symbol", "pending order " + order.ticket() + " for " + spec.name()
            + " on this netting account belongs to magic " + order.magic() + ", not to strategy " + strategy.id() + " ("
            + strategy.magic() + "): when it fills it nets against the " + spec.name()
            + " position, whoever opened it");
      }
    }
    return onSymbol;
  }

  /**
   * A winding-down strategy's target: no further from flat than where it stands, on the same side.
   * A reversal becomes a close; a larger position, the one held.
   */
  private static String exitsOnly(Strategy strategy) {
    return "strategy " + strategy.id() + " takes exits only: ";
  }

  private static BigDecimal towardFlat(BigDecimal target, BigDecimal held) {
    if (target.signum() == 0 || target.signum() != held.signum()) {
      return BigDecimal.ZERO;
    }
    return target.abs().compareTo(held.abs()) <= 0 ? target : held;
  }

  /** Signed: buys positive, sells negative. */
  private static BigDecimal net(List<Position> positions) {
    BigDecimal net = BigDecimal.ZERO;
    for (Position position : positions) {
      net = position.type() == Side.BUY ? net.add(position.volume()) : net.subtract(position.volume());
    }
    return net;
  }

  private static String comment(Signal signal) {
    return signal.comment() == null ? "" : signal.comment();
  }

  private static String where(Selection selection) {
    String side = selection.side() == null ? "" : selection.side() == Side.BUY ? " long" : " short";
    return (selection.symbol() == null ? "" : " on " + selection.symbol()) + (side.isEmpty() ? "" : " (" + side.trim() + ")");
  }
}
