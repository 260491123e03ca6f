package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.AccountSnapshot;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.DealEntry;
import com.mt5bridge.broker.DealReason;
import com.mt5bridge.broker.DealType;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderState;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.SwapMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.sim.OrderChecks.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * An MT5 account, simulated: market, limit, stop and stop-limit orders; SL and TP; netting and
 * hedging; margin, profit and currency conversion per MT5's formulas; margin call and stop-out;
 * commission, swaps and expiration on the account clock. See {@code shared/MT5-SEMANTICS.md}.
 *
 * <p>Single-threaded by design: the account's own loop calls it, so it takes no locks and reads no
 * wall clock (time comes from the ticks). The same ticks and requests give the same deals and
 * tickets. Every change is recorded as {@link AccountEvent}s, per trade in the order deals, orders,
 * account, positions; {@link #drainEvents()} hands them over.
 *
 * <p>The tick path is O(1) in the number of positions and orders when nothing triggers: a price is
 * compared with the nearest trigger levels, and floating profit and margin come from per-symbol
 * aggregates as scaled longs. Everything a trader sees (deals, balances, snapshots) is computed in
 * BigDecimal and rounded once per deal to the deposit currency's digits, half-up.
 */
public final class VirtualBroker {

  private final AccountSettings settings;
  private final Map<String, SymbolBook> books;
  private final Converter converter;
  private final AccountMoney money;
  private final AccountClock days;

  // In ticket order, so that iteration (close-all, stop-out ties, snapshots) is the same after a rebuild.
  private final Map<Long, OpenPosition> positions = new TreeMap<>();
  private final Map<Long, Order> pendingOrders = new TreeMap<>();
  private final ExpiryIndex expiries;
  private boolean marginCall;

  private Instant clock;
  private long clockMillis;
  private long nextRollover;
  private long nextTicket;

  private final List<AccountEvent> events = new ArrayList<>();
  private final List<SymbolBook> dirtyPrices = new ArrayList<>();
  private Outcome outcome;

  private VirtualBroker(AccountSettings settings, Instant now, long nextTicket) {
    this.settings = settings;
    this.days = new AccountClock(settings.policies().serverTimeZone());
    this.expiries = new ExpiryIndex(days);
    this.money = new AccountMoney(settings.currency(), settings.stopOutMode(), settings.marginCall(),
        settings.stopOut());
    Map<String, SymbolBook> byName = new LinkedHashMap<>();
    for (SymbolSpec spec : settings.symbols()) {
      byName.put(spec.name(), new SymbolBook(spec));
    }
    this.books = Map.copyOf(byName);
    this.converter = new Converter(settings.currency(), settings.policies().conversionPrice(), byName.values());
    linkDependents(byName.values(), converter);
    this.clock = now;
    this.clockMillis = now.toEpochMilli();
    this.nextRollover = days.endOfDay(now).toEpochMilli();
    this.nextTicket = nextTicket;
  }

  /**
   * An account as committed, rebuilt: balances, positions, pending orders, last prices, clock and
   * ticket counter, so that it carries on exactly where it stopped.
   */
  public static VirtualBroker restore(AccountState state) {
    VirtualBroker broker = new VirtualBroker(state.settings(), state.clock(), state.nextTicket());
    broker.begin();
    broker.money.restore(state.balance(), state.credit(), state.realizedPnl());
    for (Tick price : state.prices()) {
      SymbolBook book = broker.books.get(price.symbol());
      if (book != null) {
        book.setPrice(quote(book, price.bid()), quote(book, price.ask()), price.time());
      }
    }
    for (Position p : state.positions()) {
      SymbolBook book = broker.books.get(p.symbol());
      BigDecimal volume = volume(book, p.volume().stripTrailingZeros());
      BigDecimal open = p.priceOpen().stripTrailingZeros();
      OpenPosition position = new OpenPosition(p.ticket(), p.symbol(), p.type(), volume, book.units(volume), open,
          book.scaled(open), price(book, p.sl()), price(book, p.tp()), broker.money.round(p.swap()),
          broker.money.round(p.commission()), p.magic(), p.comment(), p.timeOpen(), p.timeUpdate());
      broker.openPosition(book, position);
      broker.money.accrueSwap(position.swap());
    }
    for (Order o : state.orders()) {
      SymbolBook book = broker.books.get(o.symbol());
      broker.addPending(book, new Order(o.ticket(), o.symbol(), o.type(), OrderState.PLACED,
          volume(book, o.volumeInitial().stripTrailingZeros()), volume(book, o.volumeCurrent().stripTrailingZeros()),
          price(book, o.priceOpen()), price(book, o.stopLimit()), price(book, o.sl()), price(book, o.tp()),
          o.expiration(), o.positionId(), o.positionById(), o.reason(), o.magic(), o.comment(), o.timeSetup(), null,
          o.signalId()));
    }
    for (SymbolBook book : broker.books.values()) {
      if (!book.positions.isEmpty()) {
        broker.revalueAfterChange(book);
      }
      book.priceDirty = false;
    }
    broker.dirtyPrices.clear();
    broker.marginCall = broker.money.atMarginCall();
    broker.outcome = null;
    broker.events.clear();
    return broker;
  }

  /**
   * An account as committed, rebuilt, then brought to the feed's newest prices since the bridge
   * started, as its next ticks would: it was not there to take them (loaded late, or rebuilt after a
   * failed commit), and it deals only at such prices.
   */
  public static VirtualBroker restore(AccountState state, List<Tick> livePrices) {
    VirtualBroker broker = restore(state);
    for (Tick tick : livePrices) {
      broker.onLastKnownPrice(tick, true);
    }
    return broker;
  }

  /** A new account: its initial deposit is ticket 1, a BALANCE deal. */
  public static VirtualBroker open(AccountSettings settings, Instant now) {
    VirtualBroker broker = new VirtualBroker(settings, now, 1);
    broker.begin();
    if (settings.balance().signum() > 0) {
      broker.balanceOperation(settings.balance(), "initial deposit");
    }
    broker.flush();
    return broker;
  }

  // === reading ==================================================================================

  public String id() {
    return settings.id();
  }

  public AccountSettings settings() {
    return settings;
  }

  public Set<String> symbols() {
    return books.keySet();
  }

  public Instant clock() {
    return clock;
  }

  public boolean hasPositions() {
    return !positions.isEmpty();
  }

  /**
   * Hands over (and forgets) the events recorded since the last call. When there are any, the
   * prices that moved since the last hand-over come along, so that what is written carries them.
   */
  public List<AccountEvent> drainEvents() {
    if (events.isEmpty()) {
      return List.of();
    }
    events.addAll(drainPrices());
    List<AccountEvent> drained = List.copyOf(events);
    events.clear();
    return drained;
  }

  /**
   * Hands over (and forgets) the prices that moved since the last hand-over, as one event, or
   * nothing when none moved: for a write that carries no other event, such as an equity sample.
   */
  public List<AccountEvent> drainPrices() {
    if (dirtyPrices.isEmpty()) {
      return List.of();
    }
    List<Tick> prices = new ArrayList<>(dirtyPrices.size());
    for (SymbolBook book : dirtyPrices) {
      prices.add(new Tick(book.symbol(), book.bid, book.ask, book.priceTime));
      book.priceDirty = false;
    }
    dirtyPrices.clear();
    return List.of(new AccountEvent.PricesSeen(prices));
  }

  public AccountFigures figures() {
    return money.figures(floatingProfit(), marginCall, clock);
  }

  /**
   * The open positions' profit as the account shows it: the sum of each position's own, rounded as
   * closing it now would realize it. So the account's profit adds up to its positions' to the cent,
   * and its equity is the balance it would have after closing them all at these prices (commission
   * aside). (Rounding the exact sum instead can be a cent off per two positions.)
   */
  private BigDecimal floatingProfit() {
    long minor = 0;
    for (OpenPosition position : positions.values()) {
      minor = Math.addExact(minor, profitShown(position));
    }
    return money.ofMinorUnits(minor);
  }

  /**
   * A position's profit as {@link #view} shows it, in minor units: on the tick path's longs (a
   * trade's figures add every position's), and exactly where those cannot tell how it rounds.
   */
  private long profitShown(OpenPosition position) {
    SymbolBook book = books.get(position.symbol());
    try {
      long e8 = converter.toDepositE8(book.profitInProfitCurrencyE8(position), book.profitSteps);
      // Each conversion step rounds to 10^-8 once: within that many units of the half-way point, the
      // longs cannot say which way the exact amount rounds.
      OptionalLong minor = money.minorUnits(e8, book.profitSteps.length);
      if (minor.isPresent()) {
        return minor.getAsLong();
      }
    } catch (ArithmeticException beyondLongs) {
      // the exact path below
    }
    return money.minorUnits(profitInDeposit(position));
  }

  public AccountSnapshot snapshot() {
    List<Position> open = positions.values().stream().map(this::view).toList();
    return new AccountSnapshot(settings.id(), settings.mode(), settings.marginMode(), settings.currency(),
        settings.leverage(), settings.policies().serverTimeZone(), figures(), true, 0, open,
        List.copyOf(pendingOrders.values()));
  }

  // === for the desk (SimDesk) ====================================================================

  SymbolBook book(String symbol) {
    return books.get(symbol);
  }

  Converter converter() {
    return converter;
  }

  Collection<OpenPosition> openPositions() {
    return positions.values();
  }

  Collection<Order> pendingOrders() {
    return pendingOrders.values();
  }

  /** Appends an event of the desk's own (a signal record) after the trades recorded so far. */
  void record(AccountEvent event) {
    events.add(event);
  }

  // === trading ==================================================================================

  public TradeResult execute(TradeRequest request) {
    begin();
    try {
      return switch (request) {
        case TradeRequest.PlaceOrder place -> place(place);
        case TradeRequest.ClosePosition close -> closePosition(close.position(), close.volume(), close.comment(),
            close.source());
        case TradeRequest.CloseBy closeBy -> closeBy(closeBy);
        case TradeRequest.ModifyPosition modify -> modifyPosition(modify);
        case TradeRequest.ModifyOrder modify -> modifyOrder(modify);
        case TradeRequest.CancelOrder cancel -> cancelOrder(cancel.order(), OrderState.CANCELED);
      };
    } finally {
      flush();
      checkMargin();
    }
  }

  /** Closes every position the selection matches, oldest first. */
  public List<TradeResult> closeAll(Selection selection, Source source) {
    List<TradeResult> results = new ArrayList<>();
    for (OpenPosition position : List.copyOf(positions.values())) {
      if (selection.matches(position.symbol(), position.side(), position.magic())) {
        begin();
        results.add(closePosition(position.ticket(), null, "", source));
        flush();
      }
    }
    checkMargin();
    return results;
  }

  /** Deletes every pending order the selection matches, oldest first. */
  public List<TradeResult> cancelAll(Selection selection, Source source) {
    List<TradeResult> results = new ArrayList<>();
    for (Order order : List.copyOf(pendingOrders.values())) {
      if (selection.matches(order.symbol(), order.type().side(), order.magic())) {
        begin();
        results.add(cancelOrder(order.ticket(), OrderState.CANCELED));
        flush();
      }
    }
    return results;
  }

  // === prices ===================================================================================

  /** The newest price of each symbol that has one. */
  public List<Tick> lastPrices() {
    List<Tick> prices = new ArrayList<>();
    for (SymbolBook book : books.values()) {
      if (book.hasPrice) {
        prices.add(new Tick(book.symbol(), book.bid, book.ask, book.priceTime));
      }
    }
    return prices;
  }

  /**
   * The newest price the bridge knows from before the account was opened or rebuilt: taken for a
   * symbol with no price yet, and, when it is {@code live} (from the feed since the bridge started, as
   * the other accounts deal at it), in place of a price restored from the database. A price that is
   * not live values positions and converts currencies but is not dealt at.
   */
  public void onLastKnownPrice(Tick tick, boolean live) {
    SymbolBook book = books.get(tick.symbol());
    if (book != null && (!book.hasPrice || live && !book.live) && onTick(tick)) {
      book.live = live;
    }
  }

  /**
   * A new price. Moves the account clock (never backwards), rolls swaps over at midnight, expires
   * orders, fires SL, TP and pending orders the price reaches (at this tick's bid/ask), revalues the
   * account and applies margin call and stop-out.
   *
   * @return false when the account cannot count its positions' value at this price (money is
   *     counted in a long of 10^-8 units: a price a feed got wildly wrong can overflow it); the
   *     symbol then keeps its last price and nothing is triggered
   */
  public boolean onTick(Tick tick) {
    SymbolBook book = books.get(tick.symbol());
    if (book == null) {
      return true;
    }
    BigDecimal lastBid = book.bid;
    BigDecimal lastAsk = book.ask;
    Instant lastTime = book.priceTime;
    boolean lastLive = book.live;
    try {
      book.setPrice(tick.bid(), tick.ask(), tick.time());
    } catch (ArithmeticException beyond) {
      return false;
    }
    book.live = true;
    long millis = tick.time().toEpochMilli();
    if (millis > clockMillis) {
      clockMillis = millis;
      clock = tick.time();
    }
    if (!book.priceDirty) {
      book.priceDirty = true;
      dirtyPrices.add(book);
    }
    if (clockMillis >= nextRollover) {
      rollover();
    }
    if (clockMillis >= expiries.next()) {
      expireOrders();
    }
    if (!positions.isEmpty()) {
      try {
        revalue(book);
      } catch (ArithmeticException beyond) {
        // Only positions valued through this book can overflow, and they opened on a price of it: it had one.
        book.setPrice(lastBid, lastAsk, lastTime);
        book.live = lastLive;
        revalue(book);
        return false;
      }
    }
    if (book.anyFires()) {
      fireTriggers(book);
    }
    if (money.hasMargin() || marginCall) {
      checkMargin();
    }
    return true;
  }

  // === placing orders ===========================================================================

  private TradeResult place(TradeRequest.PlaceOrder request) {
    SymbolBook book = books.get(request.symbol());
    if (book == null) {
      return refuse(null, new Refusal(Retcode.INVALID, "unknown symbol " + request.symbol()));
    }
    SymbolSpec spec = book.spec;
    OrderType type = request.type();
    Refusal refusal = first(
        OrderChecks.volume(spec, request.volume()),
        OrderChecks.stopPrice(spec, request.sl(), "sl"),
        OrderChecks.stopPrice(spec, request.tp(), "tp"));
    if (refusal == null && type.pending()) {
      refusal = first(OrderChecks.price(spec, request.price(), "price"),
          type.kind() == OrderType.Kind.STOP_LIMIT ? OrderChecks.price(spec, request.stopLimit(), "stopLimit") : null);
    }
    if (refusal != null) {
      return refuse(book, refusal);
    }
    Refusal noMarket = noMarket(book);
    if (noMarket != null) {
      return refuse(book, noMarket);
    }
    if (!type.pending()) {
      Side side = type.side();
      Refusal stops = OrderChecks.stops(spec, side, book.priceToClose(side), request.sl(), request.tp());
      if (stops != null) {
        return refuse(book, stops);
      }
      return fill(book, side, volume(book, request.volume()), price(book, request.sl()), price(book, request.tp()),
          request.magic(), request.comment(), request.source(), null);
    }
    BigDecimal entry = type.kind() == OrderType.Kind.STOP_LIMIT ? request.stopLimit() : request.price();
    Expiration expiration = request.expiration() == null ? Expiration.GTC : request.expiration();
    refusal = first(
        OrderChecks.pendingPrice(spec, type, request.price(), request.stopLimit(), book.bid, book.ask),
        OrderChecks.stops(spec, type.side(), entry, request.sl(), request.tp()),
        OrderChecks.expiration(expiration, clock, days));
    if (refusal != null) {
      return refuse(book, refusal);
    }
    BigDecimal stopLimit = type.kind() == OrderType.Kind.STOP_LIMIT ? request.stopLimit() : BigDecimal.ZERO;
    BigDecimal volume = volume(book, request.volume());
    Order order = new Order(nextTicket++, spec.name(), type, OrderState.PLACED, volume, volume,
        price(book, request.price()), price(book, stopLimit), price(book, request.sl()), price(book, request.tp()),
        expiration, 0, 0, request.source().reason(),
        request.magic(), comment(request.comment()), clock, null, request.source().signalId());
    addPending(book, order);
    return new TradeResult(Retcode.PLACED, order.ticket(), 0, 0, order.volumeCurrent(), BigDecimal.ZERO, book.bid,
        book.ask, "");
  }

  /**
   * MARKET_CLOSED while the symbol has no price to deal at: none yet, or only one kept in the
   * database from before the bridge started (it values the positions; the feed's next tick trades).
   */
  private static Refusal noMarket(SymbolBook book) {
    if (!book.hasPrice) {
      return new Refusal(Retcode.MARKET_CLOSED, "no price for " + book.symbol() + " yet");
    }
    if (!book.live) {
      return new Refusal(Retcode.MARKET_CLOSED, "no price for " + book.symbol() + " from the feed since the bridge "
          + "started: the last one known (bid " + book.bid.toPlainString() + ", ask " + book.ask.toPlainString()
          + " at " + book.priceTime + ") values positions but is not dealt at; the feed's next tick trades");
    }
    return null;
  }

  private void addPending(SymbolBook book, Order order) {
    pendingOrders.put(order.ticket(), order);
    book.addOrder(order);
    expiries.add(order);
    outcome.order(order);
  }

  private void removePending(SymbolBook book, Order order) {
    pendingOrders.remove(order.ticket());
    book.removeOrder(order);
    expiries.remove(order);
  }

  // === filling ==================================================================================

  /**
   * A deal at the market: buys at the ask, sells at the bid. In a HEDGING account it opens its own
   * position; in a NETTING account it opens, adds to, reduces, closes or reverses the symbol's one
   * position. Refused with NO_MONEY when the free margin cannot carry the new exposure.
   *
   * @param pending the pending order being filled, or null for a market order
   */
  private TradeResult fill(SymbolBook book, Side side, BigDecimal volume, BigDecimal sl, BigDecimal tp, long magic,
      String comment, Source source, Order pending) {
    BigDecimal price = book.priceToOpen(side);
    long units = book.units(volume);
    long priceScaled = book.scaled(price);
    OpenPosition netted = settings.marginMode() == MarginMode.NETTING ? nettingPosition(book) : null;
    BigDecimal commission = commission(volume);

    Refusal noMoney;
    try {
      noMoney = marginCheck(book, side, units, priceScaled, netted, commission);
    } catch (ArithmeticException beyond) {
      // A price a feed got wildly wrong (yet within the symbol's digits) can put the deal's value past what
      // the account counts (a long of 10^-8 units): refused before anything changed, as no money could carry it.
      noMoney = new Refusal(Retcode.NO_MONEY, "not enough money: " + volume.toPlainString() + " " + book.symbol()
          + " at " + price.toPlainString() + " is worth more than the account can count");
    }
    if (noMoney != null) {
      if (pending != null) {
        outcome.order(pending.withState(OrderState.REJECTED, clock));
      }
      return refuse(book, noMoney);
    }

    long orderTicket = pending != null ? pending.ticket() : nextTicket++;
    long dealTicket = nextTicket++;
    long positionTicket;
    DealEntry entry;
    BigDecimal profit = money.zero();
    BigDecimal swap = money.zero();
    if (netted == null) {
      positionTicket = orderTicket;
      entry = DealEntry.IN;
      openPosition(book, new OpenPosition(positionTicket, book.symbol(), side, volume, units, price, priceScaled, sl,
          tp, money.zero(), commission, magic, comment(comment), clock, clock));
    } else if (netted.side() == side) {
      positionTicket = netted.ticket();
      entry = DealEntry.IN;
      BigDecimal total = netted.volume().add(volume);
      BigDecimal average = netted.priceOpen().multiply(netted.volume()).add(price.multiply(volume))
          .divide(total, book.priceScale, RoundingMode.HALF_UP);
      replacePosition(book, netted, new OpenPosition(netted.ticket(), netted.symbol(), side, total,
          netted.units() + units, average, book.scaled(average), sl, tp, netted.swap(),
          netted.commission().add(commission), netted.magic(), netted.comment(), netted.timeOpen(), clock));
    } else {
      positionTicket = netted.ticket();
      int comparison = volume.compareTo(netted.volume());
      BigDecimal closed = comparison >= 0 ? netted.volume() : volume;
      profit = realizedProfit(book, netted, closed, price);
      swap = swapShare(netted, closed);
      if (comparison < 0) {
        entry = DealEntry.OUT;
        reducePosition(book, netted, closed, swap);
      } else if (comparison == 0) {
        entry = DealEntry.OUT;
        closePositionEntirely(book, netted, price);
      } else {
        // Reversal: the position keeps its ticket, turns around at the deal price with the rest.
        entry = DealEntry.INOUT;
        BigDecimal remaining = volume.subtract(netted.volume());
        money.releaseSwap(netted.swap());
        removeFromBook(book, netted);
        openPosition(book, new OpenPosition(netted.ticket(), netted.symbol(), side, remaining, book.units(remaining),
            price, priceScaled, sl, tp, money.zero(), commission, netted.magic(),
            netted.comment(), netted.timeOpen(), clock));
      }
    }
    Order order = pending != null
        ? new Order(pending.ticket(), pending.symbol(), pending.type(), OrderState.FILLED, pending.volumeInitial(),
            BigDecimal.ZERO, pending.priceOpen(), pending.stopLimit(), pending.sl(), pending.tp(),
            pending.expiration(), positionTicket, 0, pending.reason(), pending.magic(), pending.comment(),
            pending.timeSetup(), clock, pending.signalId())
        : new Order(orderTicket, book.symbol(), OrderType.of(side, OrderType.Kind.MARKET), OrderState.FILLED, volume,
            BigDecimal.ZERO, price, BigDecimal.ZERO, sl, tp, Expiration.GTC, positionTicket, 0, source.reason(), magic,
            comment(comment), clock, clock, source.signalId());
    outcome.order(order);
    book(new Deal(dealTicket, orderTicket, positionTicket, book.symbol(), DealType.of(side), entry, volume, price,
        profit, commission, swap, order.reason(), magic, comment(comment), clock, order.signalId()));
    revalueAfterChange(book);
    return new TradeResult(Retcode.DONE, orderTicket, dealTicket, positionTicket, volume, price, book.bid, book.ask,
        "");
  }

  private OpenPosition nettingPosition(SymbolBook book) {
    return book.positions.isEmpty() ? null : book.positions.values().iterator().next();
  }

  /** NO_MONEY when the deal raises the margin beyond what equity (after commission) can carry. */
  private Refusal marginCheck(SymbolBook book, Side side, long units, long priceScaled, OpenPosition netted,
      BigDecimal commission) {
    if (!converter.priced(book.spec.currencyMargin()) || !converter.priced(book.spec.currencyProfit())) {
      return new Refusal(Retcode.MARKET_CLOSED, "no price yet to convert " + book.symbol() + "'s currencies into "
          + settings.currency());
    }
    long buys = book.buyUnits;
    long buysCost = book.buyCost;
    long sells = book.sellUnits;
    long sellsCost = book.sellCost;
    long cost = Math.multiplyExact(units, priceScaled);
    if (netted != null && netted.side() != side) {
      // The deal first offsets the netting position; only a reversal's remainder is new exposure.
      long remainder = Math.max(0, units - netted.units());
      long nettedRemaining = Math.max(0, netted.units() - units);
      long nettedCost = Math.multiplyExact(nettedRemaining, netted.openScaled());
      long newCost = Math.multiplyExact(remainder, priceScaled);
      if (netted.side() == Side.BUY) {
        buys = nettedRemaining;
        buysCost = nettedCost;
        sells = remainder;
        sellsCost = newCost;
      } else {
        sells = nettedRemaining;
        sellsCost = nettedCost;
        buys = remainder;
        buysCost = newCost;
      }
    } else if (side == Side.BUY) {
      buys = Math.addExact(buys, units);
      buysCost = Math.addExact(buysCost, cost);
    } else {
      sells = Math.addExact(sells, units);
      sellsCost = Math.addExact(sellsCost, cost);
    }
    BigDecimal bookMargin = book.margin(buys, buysCost, sells, sellsCost, settings.leverage(),
        settings.policies().hedgedMargin());
    long bookMarginE8 = AccountMoney.toE8(converter.toDeposit(bookMargin, book.spec.currencyMargin()));
    long marginNow = money.marginE8();
    long marginAfter = marginNow - book.marginE8 + bookMarginE8;
    if (marginAfter <= marginNow) {
      return null;
    }
    long equityAfter = money.equityE8() + AccountMoney.toE8(commission);
    if (equityAfter - marginAfter < 0) {
      BigDecimal required = money.round(Fixed.decimal(marginAfter - marginNow, Fixed.MONEY_SCALE));
      BigDecimal free = money.round(Fixed.decimal(money.equityE8() - marginNow, Fixed.MONEY_SCALE));
      return new Refusal(Retcode.NO_MONEY, "not enough money: the trade needs " + required.toPlainString() + " "
          + settings.currency() + " more margin, free margin is " + free.toPlainString());
    }
    return null;
  }

  // === closing ==================================================================================

  private TradeResult closePosition(long ticket, BigDecimal volume, String comment, Source source) {
    OpenPosition position = positions.get(ticket);
    if (position == null) {
      return refuse(null, new Refusal(Retcode.POSITION_CLOSED, "no open position " + ticket));
    }
    SymbolBook book = books.get(position.symbol());
    Refusal noMarket = noMarket(book);
    if (noMarket != null) {
      return refuse(book, noMarket);
    }
    BigDecimal closing = volume == null || volume.compareTo(position.volume()) == 0 ? position.volume() : volume;
    if (volume != null) {
      if (volume.compareTo(position.volume()) > 0) {
        return refuse(book, new Refusal(Retcode.INVALID_CLOSE_VOLUME, "volume " + volume.toPlainString()
            + " is more than position " + ticket + "'s " + position.volume().toPlainString()));
      }
      if (volume.compareTo(position.volume()) != 0) {
        Refusal refusal = OrderChecks.volume(book.spec, volume);
        if (refusal != null) {
          return refuse(book, refusal);
        }
      }
    }
    if (closing != position.volume()) {
      closing = volume(book, closing);
    }
    return closeAt(book, position, closing, book.priceToClose(position.side()), source.reason(), source.signalId(),
        comment);
  }

  /** A closing order and its OUT deal for {@code volume} of the position, at {@code price}. */
  private TradeResult closeAt(SymbolBook book, OpenPosition position, BigDecimal volume, BigDecimal price,
      DealReason reason, String signalId, String comment) {
    Side dealSide = position.side().opposite();
    long orderTicket = nextTicket++;
    long dealTicket = nextTicket++;
    BigDecimal profit = realizedProfit(book, position, volume, price);
    BigDecimal swap = swapShare(position, volume);
    BigDecimal commission = commission(volume);
    boolean whole = volume.compareTo(position.volume()) == 0;
    if (whole) {
      closePositionEntirely(book, position, price);
    } else {
      reducePosition(book, position, volume, swap);
    }
    String text = comment(comment);
    outcome.order(new Order(orderTicket, book.symbol(), OrderType.of(dealSide, OrderType.Kind.MARKET),
        OrderState.FILLED, volume, BigDecimal.ZERO, price, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        Expiration.GTC, position.ticket(), 0, reason, position.magic(), text, clock, clock, signalId));
    book(new Deal(dealTicket, orderTicket, position.ticket(), book.symbol(), DealType.of(dealSide), DealEntry.OUT,
        volume, price, profit, commission, swap, reason, position.magic(), text, clock, signalId));
    revalueAfterChange(book);
    return new TradeResult(Retcode.DONE, orderTicket, dealTicket, position.ticket(), volume, price, book.bid,
        book.ask, "");
  }

  private TradeResult closeBy(TradeRequest.CloseBy request) {
    if (settings.marginMode() != MarginMode.HEDGING) {
      return refuse(null, new Refusal(Retcode.INVALID, "close-by needs a HEDGING account"));
    }
    OpenPosition position = positions.get(request.position());
    OpenPosition by = positions.get(request.by());
    if (position == null || by == null) {
      long missing = position == null ? request.position() : request.by();
      return refuse(null, new Refusal(Retcode.POSITION_CLOSED, "no open position " + missing));
    }
    SymbolBook book = books.get(position.symbol());
    if (!position.symbol().equals(by.symbol()) || position.side() == by.side()) {
      return refuse(book, new Refusal(Retcode.INVALID,
          "close-by needs two opposite positions on one symbol; " + request.position() + " and " + request.by()
              + " are not"));
    }
    BigDecimal volume = position.volume().min(by.volume());
    BigDecimal price = by.priceOpen();
    long orderTicket = nextTicket++;
    Source source = request.source();
    String text = request.comment() == null || request.comment().isEmpty()
        ? "close #" + position.ticket() + " by #" + by.ticket() : comment(request.comment());
    long firstDeal = 0;
    for (OpenPosition leg : List.of(position, by)) {
      long dealTicket = nextTicket++;
      firstDeal = firstDeal == 0 ? dealTicket : firstDeal;
      BigDecimal profit = realizedProfit(book, leg, volume, price);
      BigDecimal swap = swapShare(leg, volume);
      BigDecimal commission = commission(volume);
      if (volume.compareTo(leg.volume()) == 0) {
        closePositionEntirely(book, leg, price);
      } else {
        reducePosition(book, leg, volume, swap);
      }
      book(new Deal(dealTicket, orderTicket, leg.ticket(), book.symbol(), DealType.of(leg.side().opposite()),
          DealEntry.OUT_BY, volume, price, profit, commission, swap, source.reason(), leg.magic(), text, clock,
          source.signalId()));
    }
    outcome.order(new Order(orderTicket, book.symbol(), OrderType.CLOSE_BY, OrderState.FILLED, volume,
        BigDecimal.ZERO, price, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, position.ticket(),
        by.ticket(), source.reason(), position.magic(), text, clock, clock, source.signalId()));
    revalueAfterChange(book);
    return new TradeResult(Retcode.DONE, orderTicket, firstDeal, position.ticket(), volume, price, book.bid, book.ask,
        "");
  }

  // === modifying and cancelling =================================================================

  /** New SL and TP for a position; a null keeps the current one, 0 removes it. */
  private TradeResult modifyPosition(TradeRequest.ModifyPosition request) {
    OpenPosition position = positions.get(request.position());
    if (position == null) {
      return refuse(null, new Refusal(Retcode.POSITION_CLOSED, "no open position " + request.position()));
    }
    SymbolBook book = books.get(position.symbol());
    BigDecimal sl = request.sl() != null ? request.sl() : position.sl();
    BigDecimal tp = request.tp() != null ? request.tp() : position.tp();
    BigDecimal closePrice = book.priceToClose(position.side());
    Refusal refusal = first(
        OrderChecks.stopPrice(book.spec, sl, "sl"),
        OrderChecks.stopPrice(book.spec, tp, "tp"));
    if (refusal == null && sl.compareTo(position.sl()) == 0 && tp.compareTo(position.tp()) == 0) {
      refusal = new Refusal(Retcode.NO_CHANGES, "sl and tp are already " + position.sl().toPlainString() + " and "
          + position.tp().toPlainString());
    }
    if (refusal == null) {
      refusal = first(
          OrderChecks.frozenPosition(book.spec, position.ticket(), position.side(), position.sl(), position.tp(),
              closePrice),
          OrderChecks.stops(book.spec, position.side(), closePrice, sl, tp));
    }
    if (refusal != null) {
      return refuse(book, refusal);
    }
    replacePosition(book, position, position.withStops(price(book, sl), price(book, tp), clock));
    return new TradeResult(Retcode.DONE, 0, 0, position.ticket(), position.volume(), BigDecimal.ZERO, book.bid,
        book.ask, "");
  }

  /** New price, stop-limit, SL, TP or expiration for a pending order; a null keeps the current value. */
  private TradeResult modifyOrder(TradeRequest.ModifyOrder request) {
    Order order = pendingOrders.get(request.order());
    if (order == null) {
      return refuse(null, new Refusal(Retcode.INVALID_ORDER, "no pending order " + request.order()));
    }
    SymbolBook book = books.get(order.symbol());
    SymbolSpec spec = book.spec;
    boolean stopLimit = order.type().kind() == OrderType.Kind.STOP_LIMIT;
    BigDecimal price = request.price() != null ? request.price() : order.priceOpen();
    BigDecimal newStopLimit = !stopLimit ? BigDecimal.ZERO
        : request.stopLimit() != null ? request.stopLimit() : order.stopLimit();
    BigDecimal sl = request.sl() != null ? request.sl() : order.sl();
    BigDecimal tp = request.tp() != null ? request.tp() : order.tp();
    Expiration expiration = request.expiration() == null ? order.expiration() : request.expiration();
    Refusal refusal = first(
        OrderChecks.price(spec, price, "price"),
        stopLimit ? OrderChecks.price(spec, newStopLimit, "stopLimit") : null,
        OrderChecks.stopPrice(spec, sl, "sl"),
        OrderChecks.stopPrice(spec, tp, "tp"));
    if (refusal == null && price.compareTo(order.priceOpen()) == 0 && newStopLimit.compareTo(order.stopLimit()) == 0
        && sl.compareTo(order.sl()) == 0 && tp.compareTo(order.tp()) == 0 && expiration.equals(order.expiration())) {
      refusal = new Refusal(Retcode.NO_CHANGES, "order " + order.ticket() + " already has these values");
    }
    if (refusal == null) {
      BigDecimal entry = stopLimit ? newStopLimit : price;
      refusal = first(
          OrderChecks.frozenOrder(spec, order, book.bid, book.ask),
          OrderChecks.pendingPrice(spec, order.type(), price, newStopLimit, book.bid, book.ask),
          OrderChecks.stops(spec, order.type().side(), entry, sl, tp),
          OrderChecks.expiration(expiration, clock, days));
    }
    if (refusal != null) {
      return refuse(book, refusal);
    }
    removePending(book, order);
    Order modified = new Order(order.ticket(), order.symbol(), order.type(), order.state(), order.volumeInitial(),
        order.volumeCurrent(), price(book, price), price(book, newStopLimit), price(book, sl), price(book, tp),
        expiration, 0, 0, order.reason(), order.magic(), order.comment(), order.timeSetup(), null, order.signalId());
    addPending(book, modified);
    return new TradeResult(Retcode.DONE, order.ticket(), 0, 0, order.volumeCurrent(), BigDecimal.ZERO, book.bid,
        book.ask, "");
  }

  private TradeResult cancelOrder(long ticket, OrderState finalState) {
    Order order = pendingOrders.get(ticket);
    if (order == null) {
      return refuse(null, new Refusal(Retcode.INVALID_ORDER, "no pending order " + ticket));
    }
    SymbolBook book = books.get(order.symbol());
    if (finalState == OrderState.CANCELED && book.hasPrice) {
      Refusal frozen = OrderChecks.frozenOrder(book.spec, order, book.bid, book.ask);
      if (frozen != null) {
        return refuse(book, frozen);
      }
    }
    removePending(book, order);
    outcome.order(order.withState(finalState, clock));
    return new TradeResult(Retcode.DONE, order.ticket(), 0, 0, order.volumeCurrent(), BigDecimal.ZERO, book.bid,
        book.ask, "");
  }

  // === the tick's slow paths ====================================================================

  /**
   * Fires what the price reached, in ticket order: a position's SL or TP closes it at the tick's
   * price; a pending order fills at the tick's price (a stop-limit first becomes a limit order at its
   * stop-limit price, filling on this tick only if the tick also reaches that). Repeats until
   * nothing more fires, since a fill can open a position whose stop this tick already reaches.
   */
  private void fireTriggers(SymbolBook book) {
    while (book.anyFires()) {
      for (SymbolBook.Fired fired : book.takeFired()) {
        begin();
        OpenPosition position = positions.get(fired.ticket());
        Order order = pendingOrders.get(fired.ticket());
        if (position != null && fired.stop() != null) {
          BigDecimal level = fired.stop() == DealReason.SL ? position.sl() : position.tp();
          closeAt(book, position, position.volume(), book.priceToClose(position.side()), fired.stop(), null,
              "[" + fired.stop().name().toLowerCase(java.util.Locale.ROOT) + " " + level.toPlainString() + "]");
        } else if (order != null) {
          triggerOrder(book, order);
        }
        flush();
      }
    }
  }

  private void triggerOrder(SymbolBook book, Order order) {
    removePending(book, order);
    if (order.type().kind() == OrderType.Kind.STOP_LIMIT) {
      OrderType limit = OrderType.of(order.type().side(), OrderType.Kind.LIMIT);
      Order converted = new Order(order.ticket(), order.symbol(), limit, OrderState.PLACED, order.volumeInitial(),
          order.volumeCurrent(), order.stopLimit(), order.stopLimit(), order.sl(), order.tp(), order.expiration(), 0,
          0, order.reason(), order.magic(), order.comment(), order.timeSetup(), null, order.signalId());
      addPending(book, converted);
      return;
    }
    fill(book, order.type().side(), order.volumeCurrent(), order.sl(), order.tp(), order.magic(), order.comment(),
        new Source(order.reason(), order.signalId()), order);
  }

  private void expireOrders() {
    for (long ticket : expiries.takeDue(clockMillis)) {
      begin();
      cancelOrder(ticket, OrderState.EXPIRED);
      flush();
    }
  }

  /**
   * Swaps for every midnight the clock has passed: a weekday's rollover charges one day (three on the
   * symbol's triple day), Saturday's and Sunday's none.
   */
  private void rollover() {
    while (clockMillis >= nextRollover) {
      Instant midnight = Instant.ofEpochMilli(nextRollover);
      DayOfWeek endedDay = days.dayOf(midnight.minusMillis(1));
      nextRollover = days.endOfDay(midnight).toEpochMilli();
      if (positions.isEmpty() || endedDay == DayOfWeek.SATURDAY || endedDay == DayOfWeek.SUNDAY) {
        continue;
      }
      begin();
      for (OpenPosition position : List.copyOf(positions.values())) {
        SymbolBook book = books.get(position.symbol());
        int days = endedDay == book.spec.swapTripleDay() ? 3 : 1;
        BigDecimal charge = swapCharge(book, position).multiply(BigDecimal.valueOf(days));
        if (charge.signum() != 0) {
          BigDecimal swap = position.swap().add(charge);
          money.accrueSwap(charge);
          OpenPosition charged = position.withSwap(swap);
          positions.put(charged.ticket(), charged);
          book.positions.put(charged.ticket(), charged);
          outcome.position(charged);
        }
      }
      flush();
    }
  }

  private BigDecimal swapCharge(SymbolBook book, OpenPosition position) {
    SymbolSpec spec = book.spec;
    BigDecimal rate = position.side() == Side.BUY ? spec.swapLong() : spec.swapShort();
    if (rate.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (spec.swapMode() == SwapMode.MONEY) {
      return money.round(rate.multiply(position.volume()));
    }
    // Points per lot: the profit of a price move of that many points on the position's volume.
    BigDecimal inProfitCurrency = book.profit(Side.BUY, position.volume(), BigDecimal.ZERO, rate.multiply(spec.point()));
    return money.round(converter.toDeposit(inProfitCurrency, spec.currencyProfit()));
  }

  /**
   * Margin call and stop-out (MT5): at or below the margin-call level the account is flagged; at or
   * below the stop-out level the position with the largest loss is closed at the current price
   * (reason SO), and again while the account stays at or below it.
   */
  private void checkMargin() {
    boolean call = money.atMarginCall();
    if (call != marginCall) {
      marginCall = call;
      begin();
      outcome.touch();
      flush();
    }
    while (money.atStopOut() && !positions.isEmpty()) {
      OpenPosition worst = positions.values().stream()
          .min(Comparator.comparing((OpenPosition p) -> profitInDeposit(p)).thenComparing(OpenPosition::ticket))
          .orElseThrow();
      SymbolBook book = books.get(worst.symbol());
      String level = figures().marginLevel() == null ? "" : " " + figures().marginLevel().toPlainString() + "%";
      begin();
      closeAt(book, worst, worst.volume(), book.priceToClose(worst.side()), DealReason.SO, null, "[so" + level + "]");
      marginCall = money.atMarginCall();
      flush();
    }
  }

  // === positions and valuation ==================================================================

  private void openPosition(SymbolBook book, OpenPosition position) {
    positions.put(position.ticket(), position);
    book.addPosition(position);
    outcome.position(position);
  }

  private void replacePosition(SymbolBook book, OpenPosition old, OpenPosition replacement) {
    removeFromBook(book, old);
    openPosition(book, replacement);
  }

  private void removeFromBook(SymbolBook book, OpenPosition position) {
    positions.remove(position.ticket());
    book.removePosition(position);
  }

  private void reducePosition(SymbolBook book, OpenPosition position, BigDecimal closed, BigDecimal swapRealized) {
    BigDecimal remaining = position.volume().subtract(closed);
    BigDecimal swap = position.swap().subtract(swapRealized);
    money.releaseSwap(swapRealized);
    replacePosition(book, position, new OpenPosition(position.ticket(), position.symbol(), position.side(), remaining,
        book.units(remaining), position.priceOpen(), position.openScaled(), position.sl(), position.tp(), swap,
        position.commission(), position.magic(), position.comment(), position.timeOpen(), clock));
  }

  private void closePositionEntirely(SymbolBook book, OpenPosition position, BigDecimal price) {
    money.releaseSwap(position.swap());
    removeFromBook(book, position);
    outcome.closed(position, price);
  }

  /** Profit of closing {@code volume} of the position at {@code price}, in the deposit currency, rounded. */
  private BigDecimal realizedProfit(SymbolBook book, OpenPosition position, BigDecimal volume, BigDecimal price) {
    BigDecimal inProfitCurrency = book.profit(position.side(), volume, position.priceOpen(), price);
    return money.round(converter.toDeposit(inProfitCurrency, book.spec.currencyProfit()));
  }

  private BigDecimal profitInDeposit(OpenPosition position) {
    SymbolBook book = books.get(position.symbol());
    return realizedProfit(book, position, position.volume(), book.priceToClose(position.side()));
  }

  /** The part of a position's accrued swap that closing {@code volume} of it realizes. */
  private BigDecimal swapShare(OpenPosition position, BigDecimal volume) {
    if (volume.compareTo(position.volume()) == 0) {
      return position.swap();
    }
    return money.round(position.swap().multiply(volume).divide(position.volume(), 10, RoundingMode.HALF_UP));
  }

  private BigDecimal commission(BigDecimal volume) {
    return money.round(settings.commissionPerLot().multiply(volume)).negate();
  }

  /** Recomputes a book's margin after its positions changed, then its share of profit and margin. */
  private void revalueAfterChange(SymbolBook book) {
    BigDecimal margin = book.currentMargin(settings.leverage(), settings.policies().hedgedMargin());
    book.marginInMarginCurrencyE8 = margin.movePointRight(Fixed.MONEY_SCALE).setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
    revalueBook(book);
  }

  /** The books whose value depends on {@code changed}'s price: itself and those converting through it. */
  private void revalue(SymbolBook changed) {
    SymbolBook[] affected = changed.dependents;
    for (int i = 0; i < affected.length; i++) {
      if (!affected[i].positions.isEmpty()) {
        revalueBook(affected[i]);
      }
    }
  }

  private void revalueBook(SymbolBook book) {
    long profit = 0;
    long margin = 0;
    if (!book.positions.isEmpty()) {
      profit = converter.toDepositE8(book.profitInProfitCurrencyE8(), book.profitSteps);
      margin = converter.toDepositE8(book.marginInMarginCurrencyE8, book.marginSteps);
    }
    money.moveFloating(profit - book.profitE8, margin - book.marginE8);
    book.profitE8 = profit;
    book.marginE8 = margin;
  }

  /**
   * Precomputes, for the tick path, how each book's money converts into the deposit currency and
   * which books a tick on it revalues: itself and those converting money through it.
   */
  private static void linkDependents(Collection<SymbolBook> all, Converter converter) {
    Map<SymbolBook, Set<SymbolBook>> dependents = new LinkedHashMap<>();
    for (SymbolBook book : all) {
      dependents.computeIfAbsent(book, k -> new LinkedHashSet<>()).add(book);
      book.profitSteps = converter.steps(book.spec.currencyProfit());
      book.marginSteps = converter.steps(book.spec.currencyMargin());
    }
    for (SymbolBook book : all) {
      Set<SymbolBook> pairs = new LinkedHashSet<>(converter.pairs(book.spec.currencyProfit()));
      pairs.addAll(converter.pairs(book.spec.currencyMargin()));
      for (SymbolBook pair : pairs) {
        dependents.get(pair).add(book);
      }
    }
    dependents.forEach((book, affected) -> book.dependents = affected.toArray(SymbolBook[]::new));
  }

  // === money ====================================================================================

  /** Books a deal: balance and realized P&L move by its profit, commission and swap. */
  private void book(Deal deal) {
    money.realize(deal.profit().add(deal.commission()).add(deal.swap()));
    outcome.deal(deal);
  }

  private void balanceOperation(BigDecimal amount, String comment) {
    BigDecimal rounded = money.round(amount);
    money.deposit(rounded);
    outcome.deal(new Deal(nextTicket++, 0, 0, "", DealType.BALANCE, DealEntry.IN, BigDecimal.ZERO, BigDecimal.ZERO,
        rounded, money.zero(), money.zero(), DealReason.CLIENT, 0, comment, clock, null));
  }

  // === views ====================================================================================

  Position view(OpenPosition position) {
    SymbolBook book = books.get(position.symbol());
    BigDecimal current = book.priceToClose(position.side());
    return new Position(position.ticket(), position.symbol(), position.side(), position.volume(),
        book.display(position.priceOpen()), current, position.sl(), position.tp(),
        realizedProfit(book, position, position.volume(), current), position.swap(), position.commission(),
        position.magic(), position.comment(), position.timeOpen(), position.timeUpdate());
  }

  private Position closedView(OpenPosition position, BigDecimal closePrice) {
    SymbolBook book = books.get(position.symbol());
    return new Position(position.ticket(), position.symbol(), position.side(), BigDecimal.ZERO,
        book.display(position.priceOpen()), closePrice, position.sl(), position.tp(),
        money.zero(), money.zero(), position.commission(),
        position.magic(), position.comment(), position.timeOpen(), clock);
  }

  /** A validated price with the symbol's digits (0 stays 0). */
  private static BigDecimal price(SymbolBook book, BigDecimal price) {
    return price.signum() == 0 ? BigDecimal.ZERO
        : price.stripTrailingZeros().setScale(book.spec.digits(), RoundingMode.UNNECESSARY);
  }

  /** A stored quote back with the symbol's digits. */
  private static BigDecimal quote(SymbolBook book, BigDecimal price) {
    return price.stripTrailingZeros().setScale(book.spec.digits(), RoundingMode.UNNECESSARY);
  }

  /** A validated volume with the decimals of the volume step. */
  private static BigDecimal volume(SymbolBook book, BigDecimal volume) {
    return volume.stripTrailingZeros().setScale(book.volumeScale, RoundingMode.UNNECESSARY);
  }

  private TradeResult refuse(SymbolBook book, Refusal refusal) {
    BigDecimal bid = book != null && book.hasPrice ? book.bid : BigDecimal.ZERO;
    BigDecimal ask = book != null && book.hasPrice ? book.ask : BigDecimal.ZERO;
    return TradeResult.refused(refusal.retcode(), refusal.comment(), bid, ask);
  }

  private static Refusal first(Refusal... refusals) {
    for (Refusal refusal : refusals) {
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  /** At most 64 characters (the journal's column), never cutting a character outside the BMP (an emoji) in half. */
  private static String comment(String comment) {
    if (comment == null) {
      return "";
    }
    if (comment.length() <= 64) {
      return comment;
    }
    return comment.substring(0, Character.isHighSurrogate(comment.charAt(63)) ? 63 : 64);
  }

  // === events ===================================================================================

  private void begin() {
    outcome = new Outcome();
  }

  /** Emits the operation's changes in MT5's order: deals, orders, account, positions. */
  private void flush() {
    Outcome done = outcome;
    outcome = null;
    if (done == null || !done.changed) {
      return;
    }
    done.deals.forEach(d -> events.add(new AccountEvent.DealAdded(d)));
    done.orders.values().forEach(o -> events.add(new AccountEvent.OrderChanged(o)));
    events.add(new AccountEvent.AccountChanged(figures(), nextTicket));
    for (Map.Entry<Long, OpenPosition> changed : done.positions.entrySet()) {
      OpenPosition open = positions.get(changed.getKey());
      events.add(new AccountEvent.PositionChanged(open != null ? view(open)
          : closedView(changed.getValue(), done.closePrices.get(changed.getKey()))));
    }
  }
}
