package com.mt5bridge.broker.sim;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountFigures;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.Order;
import com.mt5bridge.broker.Position;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.TradingDesk;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link VirtualBroker} as a {@link TradingDesk}: used on the account's own thread only. */
final class SimDesk implements TradingDesk {

  private final VirtualBroker broker;

  SimDesk(VirtualBroker broker) {
    this.broker = broker;
  }

  @Override
  public String account() {
    return broker.id();
  }

  @Override
  public MarginMode marginMode() {
    return broker.settings().marginMode();
  }

  @Override
  public String currency() {
    return broker.settings().currency();
  }

  @Override
  public Instant clock() {
    return broker.clock();
  }

  @Override
  public ZoneId serverTimeZone() {
    return broker.settings().policies().serverTimeZone();
  }

  @Override
  public AccountFigures figures() {
    return broker.figures();
  }

  @Override
  public BigDecimal commissionPerLot() {
    return broker.settings().commissionPerLot();
  }

  @Override
  public Optional<SymbolSpec> spec(String symbol) {
    SymbolBook book = broker.book(symbol);
    return book == null ? Optional.empty() : Optional.of(book.spec);
  }

  @Override
  public Optional<Tick> price(String symbol) {
    SymbolBook book = broker.book(symbol);
    if (book == null || !book.hasPrice) {
      return Optional.empty();
    }
    return Optional.of(new Tick(symbol, book.bid, book.ask, book.priceTime));
  }

  @Override
  public List<Position> positions(Selection selection) {
    List<Position> matching = new ArrayList<>();
    for (OpenPosition position : broker.openPositions()) {
      if (selection.matches(position.symbol(), position.side(), position.magic())) {
        matching.add(broker.view(position));
      }
    }
    return matching;
  }

  @Override
  public List<Order> orders(Selection selection) {
    List<Order> matching = new ArrayList<>();
    for (Order order : broker.pendingOrders()) {
      if (selection.matches(order.symbol(), order.type().side(), order.magic())) {
        matching.add(order);
      }
    }
    return matching;
  }

  @Override
  public Optional<BigDecimal> profit(String symbol, Side side, BigDecimal volume, BigDecimal open, BigDecimal close) {
    SymbolBook book = broker.book(symbol);
    if (book == null) {
      return Optional.empty();
    }
    return toDeposit(book.profit(side, volume, open, close), book.spec.currencyProfit());
  }

  @Override
  public Optional<BigDecimal> toDeposit(BigDecimal amount, String currency) {
    Converter converter = broker.converter();
    if (!converter.priced(currency)) {
      return Optional.empty();
    }
    return Optional.of(converter.toDeposit(amount, currency));
  }

  @Override
  public TradeResult execute(TradeRequest request) {
    return broker.execute(request);
  }

  @Override
  public void record(SignalRecord signal) {
    broker.record(new AccountEvent.SignalRecorded(signal));
  }
}
