package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Deal;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.ExpirationType;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A VirtualBroker driven directly, with the vocabulary of the tests: ticks, buys, sells, closes. */
final class SimAccount {

  static final Instant START = Instant.parse("2026-11-16T10:00:00Z"); // a Monday

  final VirtualBroker broker;
  final List<AccountEvent> events = new ArrayList<>();
  private Instant now = START;

  private SimAccount(VirtualBroker broker) {
    this.broker = broker;
    events.addAll(broker.drainEvents());
  }

  static Builder hedging() {
    return new Builder(MarginMode.HEDGING);
  }

  static Builder netting() {
    return new Builder(MarginMode.NETTING);
  }

  static final class Builder {
    private final MarginMode marginMode;
    private String currency = "USD";
    private String balance = "10000";
    private int leverage = 100;
    private StopOutMode stopOutMode = StopOutMode.PERCENT;
    private String marginCall = "100";
    private String stopOut = "50";
    private String commission = "0";
    private AccountSettings.Policies policies = AccountSettings.Policies.DEFAULT;
    private final Map<String, SymbolSpec> specs = new LinkedHashMap<>(BuiltInSymbols.all());

    Builder(MarginMode marginMode) {
      this.marginMode = marginMode;
    }

    Builder currency(String value) { currency = value; return this; }
    Builder balance(String value) { balance = value; return this; }
    Builder leverage(int value) { leverage = value; return this; }
    Builder levels(StopOutMode mode, String call, String out) {
      stopOutMode = mode; marginCall = call; stopOut = out; return this;
    }
    Builder commissionPerLot(String value) { commission = value; return this; }
    Builder policies(AccountSettings.Policies value) { policies = value; return this; }

    /** Changes one built-in spec, e.g. {@code spec("EURUSD", s -> Specs.with(s).stopsLevel(10).build())}. */
    Builder spec(String name, UnaryOperator<SymbolSpec> change) {
      specs.put(name, change.apply(specs.get(name)));
      return this;
    }

    Builder spec(SymbolSpec spec) {
      specs.put(spec.name(), spec);
      return this;
    }

    SimAccount open() {
      AccountSettings settings = new AccountSettings("test", AccountMode.SIM, marginMode, currency,
          new BigDecimal(balance), leverage, stopOutMode, new BigDecimal(marginCall), new BigDecimal(stopOut),
          new BigDecimal(commission), null, List.copyOf(specs.values()), policies);
      return new SimAccount(VirtualBroker.open(settings, START));
    }
  }

  // --- prices ---

  SimAccount tick(String symbol, String bid, String ask) {
    return tickAt(symbol, bid, ask, now);
  }

  SimAccount tickAt(String symbol, String bid, String ask, Instant time) {
    now = time.isAfter(now) ? time : now;
    broker.onTick(new Tick(symbol, new BigDecimal(bid), new BigDecimal(ask), time));
    events.addAll(broker.drainEvents());
    return this;
  }

  SimAccount tickAt(String symbol, String bid, String ask, String isoTime) {
    return tickAt(symbol, bid, ask, Instant.parse(isoTime));
  }

  // --- trading ---

  TradeResult buy(String symbol, String volume) {
    return order(OrderType.BUY, symbol, volume, "0", "0", "0", "0", Expiration.GTC);
  }

  TradeResult sell(String symbol, String volume) {
    return order(OrderType.SELL, symbol, volume, "0", "0", "0", "0", Expiration.GTC);
  }

  TradeResult buy(String symbol, String volume, String sl, String tp) {
    return order(OrderType.BUY, symbol, volume, "0", "0", sl, tp, Expiration.GTC);
  }

  TradeResult sell(String symbol, String volume, String sl, String tp) {
    return order(OrderType.SELL, symbol, volume, "0", "0", sl, tp, Expiration.GTC);
  }

  TradeResult pending(OrderType type, String symbol, String volume, String price) {
    return order(type, symbol, volume, price, "0", "0", "0", Expiration.GTC);
  }

  TradeResult order(OrderType type, String symbol, String volume, String price, String stopLimit, String sl, String tp,
      Expiration expiration) {
    return execute(new TradeRequest.PlaceOrder(type, symbol, new BigDecimal(volume), new BigDecimal(price),
        new BigDecimal(stopLimit), new BigDecimal(sl), new BigDecimal(tp), expiration, "", 0, Source.EXPERT));
  }

  TradeResult close(long position) {
    return execute(new TradeRequest.ClosePosition(position, null, "", Source.EXPERT));
  }

  TradeResult close(long position, String volume) {
    return execute(new TradeRequest.ClosePosition(position, new BigDecimal(volume), "", Source.EXPERT));
  }

  TradeResult closeBy(long position, long by) {
    return execute(new TradeRequest.CloseBy(position, by, "", Source.EXPERT));
  }

  TradeResult modify(long position, String sl, String tp) {
    return execute(new TradeRequest.ModifyPosition(position, new BigDecimal(sl), new BigDecimal(tp), Source.EXPERT));
  }

  TradeResult modifyOrder(long order, String price, String sl, String tp) {
    return execute(new TradeRequest.ModifyOrder(order, new BigDecimal(price), BigDecimal.ZERO, new BigDecimal(sl),
        new BigDecimal(tp), null, Source.EXPERT));
  }

  TradeResult cancel(long order) {
    return execute(new TradeRequest.CancelOrder(order, Source.EXPERT));
  }

  TradeResult execute(TradeRequest request) {
    TradeResult result = broker.execute(request);
    events.addAll(broker.drainEvents());
    return result;
  }

  static Expiration expiration(ExpirationType type, String isoTime) {
    return new Expiration(type, isoTime == null ? null : Instant.parse(isoTime));
  }

  // --- looking ---

  AccountFigures figures() {
    return broker.figures();
  }

  List<Position> positions() {
    return broker.snapshot().positions();
  }

  Position position(long ticket) {
    return positions().stream().filter(p -> p.ticket() == ticket).findFirst()
        .orElseThrow(() -> new AssertionError("no open position " + ticket + " in " + positions()));
  }

  List<Order> orders() {
    return broker.snapshot().orders();
  }

  /** Every deal so far, the initial deposit included. */
  List<Deal> deals() {
    return events.stream().filter(e -> e instanceof AccountEvent.DealAdded)
        .map(e -> ((AccountEvent.DealAdded) e).deal()).toList();
  }

  /** Trade deals (no balance operations). */
  List<Deal> trades() {
    return deals().stream().filter(d -> d.type() == com.mt5bridge.broker.DealType.BUY
        || d.type() == com.mt5bridge.broker.DealType.SELL).toList();
  }

  Deal lastDeal() {
    List<Deal> deals = deals();
    return deals.get(deals.size() - 1);
  }

  /** The last state of an order, from the events. */
  Order order(long ticket) {
    Order last = null;
    for (AccountEvent event : events) {
      if (event instanceof AccountEvent.OrderChanged changed && changed.order().ticket() == ticket) {
        last = changed.order();
      }
    }
    if (last == null) {
      throw new AssertionError("no order " + ticket);
    }
    return last;
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
