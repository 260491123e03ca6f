package com.mt5bridge.store;

import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.sim.VirtualBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A VirtualBroker whose every change goes through a DatabaseJournal, as the account loop does it. */
final class JournaledAccount {

  static final Instant T0 = Instant.parse("2026-11-16T10:00:00Z");

  final String id;
  final DatabaseJournal journal;
  VirtualBroker broker;

  JournaledAccount(String id, MarginMode mode, DatabaseJournal journal) {
    this(id, mode, journal, List.copyOf(BuiltInSymbols.all().values()));
  }

  JournaledAccount(String id, MarginMode mode, DatabaseJournal journal, List<SymbolSpec> symbols) {
    this.id = id;
    this.journal = journal;
    AccountSettings settings = new AccountSettings(id, AccountMode.SIM, mode, "USD", new BigDecimal("10000"), 100,
        StopOutMode.PERCENT, new BigDecimal("100"), new BigDecimal("50"), new BigDecimal("2.5"), null, symbols, null);
    broker = VirtualBroker.open(settings, T0);
    journal.create(settings, broker.drainEvents());
  }

  void tick(String symbol, String bid, String ask, Instant time) {
    broker.onTick(new Tick(symbol, new BigDecimal(bid), new BigDecimal(ask), time));
    commit();
  }

  TradeResult send(TradeRequest request) {
    TradeResult result = broker.execute(request);
    commit();
    return result;
  }

  TradeResult market(OrderType type, String symbol, String volume, String sl, String tp) {
    return send(new TradeRequest.PlaceOrder(type, symbol, new BigDecimal(volume), BigDecimal.ZERO, BigDecimal.ZERO,
        new BigDecimal(sl), new BigDecimal(tp), Expiration.GTC, "test", 7, Source.EXPERT));
  }

  TradeResult pending(OrderType type, String symbol, String volume, String price) {
    return send(new TradeRequest.PlaceOrder(type, symbol, new BigDecimal(volume), new BigDecimal(price),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Expiration.GTC, "", 0, Source.EXPERT));
  }

  private void commit() {
    var events = broker.drainEvents();
    if (!events.isEmpty()) {
      journal.commit(id, events);
    }
  }
}
