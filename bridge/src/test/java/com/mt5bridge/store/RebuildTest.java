package com.mt5bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.ExpirationType;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.SwapMode;
import com.mt5bridge.broker.SymbolSpec;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.sim.VirtualBroker;
import com.mt5bridge.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Trade, rebuild the account from the database, compare; then drive the original and the rebuilt
 * account with the same ticks and requests and compare what they do (exchange-core compares state
 * hashes the same way).
 */
class RebuildTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  @ParameterizedTest
  @EnumSource(MarginMode.class)
  void an_account_rebuilt_from_the_database_is_the_account_that_was_committed_and_carries_on_identically(
      MarginMode mode) {
    DatabaseJournal journal = new DatabaseJournal(db.database(), new DatabaseMonitor(db.database(), Duration.ofHours(1)),
        InstantSource.system(), 1, "test-bridge");
    String id = "rebuild-" + mode.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
    JournaledAccount account = new JournaledAccount(id, mode, journal, symbolsWithSwaps());
    Session session = new Session(new Random(2026), JournaledAccount.T0);
    for (int i = 0; i < 600; i++) {
      session.step(account);
    }

    VirtualBroker rebuilt = VirtualBroker.restore(new AccountLoader(db.dsl(), "test-bridge").load(id));

    assertThat(rebuilt.snapshot()).isEqualTo(account.broker.snapshot());
    assertThat(rebuilt.snapshot().positions()).isNotEmpty();
    assertThat(rebuilt.snapshot().orders()).isNotEmpty();

    Session fork = new Session(new Random(99), session.time);
    Session twin = new Session(new Random(99), session.time);
    List<Object> original = new ArrayList<>();
    List<Object> copy = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      original.addAll(fork.stepInMemory(account.broker));
      copy.addAll(twin.stepInMemory(rebuilt));
    }
    assertThat(original).filteredOn(o -> o.toString().startsWith("Deal[")).hasSizeGreaterThan(50);
    assertThat(copy).isEqualTo(original);
    assertThat(rebuilt.snapshot()).isEqualTo(account.broker.snapshot());
  }

  /** EURUSD and GBPUSD with swaps, so that accrued swaps must survive the rebuild. */
  private static List<SymbolSpec> symbolsWithSwaps() {
    List<SymbolSpec> specs = new ArrayList<>();
    for (SymbolSpec s : BuiltInSymbols.all().values()) {
      boolean swapped = s.name().equals("EURUSD") || s.name().equals("GBPUSD");
      specs.add(!swapped ? s : new SymbolSpec(s.name(), s.digits(), s.contractSize(), s.calcMode(), s.marginRate(),
          s.initialMargin(), s.tickSize(), s.tickValue(), s.currencyBase(), s.currencyProfit(), s.currencyMargin(),
          s.volumeMin(), s.volumeMax(), s.volumeStep(), s.stopsLevel(), s.freezeLevel(), SwapMode.POINTS,
          new BigDecimal("-7.3"), new BigDecimal("2.1"), s.swapTripleDay()));
    }
    return specs;
  }

  /** A seeded random trading session on EURUSD and GBPUSD: ticks on a walk, every kind of request. */
  private static final class Session {
    private final Random random;
    private Instant time;
    private long eur = 110_000;
    private long gbp = 127_000;

    Session(Random random, Instant start) {
      this.random = random;
      this.time = start;
    }

    void step(JournaledAccount account) {
      for (Object request : next(account.broker)) {
        if (request instanceof Tick tick) {
          account.tick(tick.symbol(), tick.bid().toPlainString(), tick.ask().toPlainString(), tick.time());
        } else if (request instanceof TradeRequest trade) {
          account.send(trade);
        } else if (request instanceof Selection selection) {
          account.broker.closeAll(selection, Source.EXPERT);
          account.journal.commit(account.id, account.broker.drainEvents());
        }
      }
    }

    /** Runs a step without a journal; returns what happened: results and deals. */
    List<Object> stepInMemory(VirtualBroker broker) {
      List<Object> seen = new ArrayList<>();
      for (Object request : next(broker)) {
        if (request instanceof Tick tick) {
          broker.onTick(tick);
        } else if (request instanceof TradeRequest trade) {
          seen.add(normal(broker.execute(trade)));
        } else if (request instanceof Selection selection) {
          broker.closeAll(selection, Source.EXPERT).forEach(r -> seen.add(normal(r)));
        }
        broker.drainEvents().stream()
            .filter(e -> e instanceof com.mt5bridge.broker.AccountEvent.DealAdded)
            .map(e -> normal(((com.mt5bridge.broker.AccountEvent.DealAdded) e).deal()))
            .forEach(seen::add);
      }
      return seen;
    }

    private List<Object> next(VirtualBroker broker) {
      List<Object> requests = new ArrayList<>();
      time = time.plus(Duration.ofMinutes(5 + random.nextInt(60)));
      eur += random.nextInt(41) - 20;
      gbp += random.nextInt(41) - 20;
      requests.add(new Tick("EURUSD", BigDecimal.valueOf(eur, 5), BigDecimal.valueOf(eur + 2, 5), time));
      requests.add(new Tick("GBPUSD", BigDecimal.valueOf(gbp, 5), BigDecimal.valueOf(gbp + 3, 5), time));
      String symbol = random.nextBoolean() ? "EURUSD" : "GBPUSD";
      long bid = symbol.equals("EURUSD") ? eur : gbp;
      switch (random.nextInt(10)) {
        case 0, 1 -> requests.add(place(OrderType.BUY, symbol, "0", price(bid - 80), price(bid + 90)));
        case 2 -> requests.add(place(OrderType.SELL, symbol, "0", price(bid + 90), price(bid - 70)));
        case 3 -> requests.add(place(OrderType.BUY_LIMIT, symbol, price(bid - 30), "0", "0"));
        case 4 -> requests.add(place(OrderType.SELL_STOP, symbol, price(bid - 40), price(bid + 60), "0"));
        case 5 -> requests.add(new TradeRequest.PlaceOrder(OrderType.BUY_STOP_LIMIT, symbol, new BigDecimal("0.2"),
            new BigDecimal(price(bid + 40)), new BigDecimal(price(bid + 20)), BigDecimal.ZERO, BigDecimal.ZERO,
            new Expiration(ExpirationType.DAY, null), "", 3, Source.EXPERT));
        case 6 -> broker.snapshot().positions().stream().findFirst().ifPresent(p ->
            requests.add(new TradeRequest.ClosePosition(p.ticket(), p.volume().compareTo(new BigDecimal("0.2")) > 0
                ? new BigDecimal("0.1") : null, "", Source.EXPERT)));
        case 7 -> {
          if (random.nextInt(6) == 0) {
            requests.add(Selection.symbol(symbol));
          }
        }
        default -> { }
      }
      return requests;
    }

    private static TradeRequest place(OrderType type, String symbol, String price, String sl, String tp) {
      return new TradeRequest.PlaceOrder(type, symbol, new BigDecimal("0.3"), new BigDecimal(price), BigDecimal.ZERO,
          new BigDecimal(sl), new BigDecimal(tp), Expiration.GTC, "s", 1, Source.EXPERT);
    }

    private static String price(long points) {
      return BigDecimal.valueOf(points, 5).toPlainString();
    }
  }

  /** Results and deals compared by value, whatever decimal scale a price came with. */
  private static String normal(Object record) {
    return record.toString().replaceAll("(\\d+\\.\\d*?)0+(?=\\D)", "$1").replaceAll("\\.(?=\\D)", "");
  }
}
