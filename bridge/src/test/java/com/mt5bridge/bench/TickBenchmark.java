package com.mt5bridge.bench;

import com.mt5bridge.broker.AccountEvent;
import com.mt5bridge.broker.AccountMode;
import com.mt5bridge.broker.AccountSettings;
import com.mt5bridge.broker.BuiltInSymbols;
import com.mt5bridge.broker.Expiration;
import com.mt5bridge.broker.MarginMode;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.StopOutMode;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import com.mt5bridge.broker.sim.VirtualBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticks through one VirtualBroker, called directly (no queue, no HTTP), with a book of open
 * positions (each with SL and TP) and pending orders on the ticked symbol.
 *
 * <ul>
 *   <li>{@code quietTick}: a tick that triggers nothing: ticks/s on one core. Its cost must not grow
 *       with the size of the book.
 *   <li>{@code triggeringTick}: a tick that fires one position's stop loss (a closing order, a deal,
 *       the account revalued, the events recorded), with the same book around it. Timed over
 *       batches of 1,000 such ticks, since JMH cannot time one microsecond-long invocation that
 *       needs a set-up of its own.
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TickBenchmark {

  static final int ARMED = 1000;
  private static final Instant T0 = Instant.parse("2026-11-16T10:00:00Z");

  /** An account holding {@code positions} open positions and {@code orders} pending orders on EURUSD. */
  @State(Scope.Thread)
  public static class Book {

    @Param({"100", "1000", "10000"})
    int positions;

    @Param({"100", "10000"})
    int orders;

    VirtualBroker broker;

    @Setup(Level.Trial)
    public void fill() {
      AccountSettings settings = new AccountSettings("bench", AccountMode.SIM, MarginMode.HEDGING, "USD",
          new BigDecimal("100000000"), 100, StopOutMode.PERCENT, new BigDecimal("100"), new BigDecimal("50"),
          BigDecimal.ZERO, null, List.copyOf(BuiltInSymbols.all().values()), null);
      broker = VirtualBroker.open(settings, T0);
      broker.onTick(tick(110_000));
      // Stops and orders far from the market: 1.05..1.08 and 1.12..1.16 are never reached.
      for (int i = 0; i < positions; i++) {
        String low = price(105_000 - i % 1000);
        String high = price(115_000 + i % 1000);
        boolean buy = i % 2 == 0;
        check(broker.execute(order(buy ? OrderType.BUY : OrderType.SELL, "0", buy ? low : high, buy ? high : low)),
            Retcode.DONE);
      }
      for (int i = 0; i < orders; i++) {
        OrderType type = OrderType.values()[2 + i % 4]; // BUY_LIMIT, SELL_LIMIT, BUY_STOP, SELL_STOP
        int offset = 2_000 + i % 3_000;
        String level = switch (type) {
          case BUY_LIMIT, SELL_STOP -> price(110_000 - offset);
          default -> price(110_020 + offset);
        };
        check(broker.execute(order(type, level, "0", "0")), Retcode.PLACED);
      }
      broker.drainEvents();
    }
  }

  /** Ticks wandering within 50 points of 1.10000: they reach nothing in the book. */
  @State(Scope.Thread)
  public static class Quiet extends Book {
    final Tick[] ticks = new Tick[256];
    int next;

    @Setup(Level.Trial)
    public void wander() {
      for (int i = 0; i < ticks.length; i++) {
        ticks[i] = tick(110_000 + (i * 37) % 101 - 50);
      }
    }
  }

  /**
   * Before each batch: a calm market and {@link #ARMED} more positions whose stop losses sit one
   * point apart just below it (1.09999 down to 1.09000), so that each falling tick fires exactly one.
   */
  @State(Scope.Thread)
  public static class Armed extends Book {
    final Tick[] falling = new Tick[ARMED];
    final TradeRequest[] opens = new TradeRequest[ARMED];

    @Setup(Level.Trial)
    public void prepare() {
      for (int i = 0; i < ARMED; i++) {
        int stop = 109_999 - i;
        opens[i] = order(OrderType.BUY, "0", price(stop), "0");
        falling[i] = tick(stop);
      }
    }

    @Setup(Level.Invocation)
    public void arm() {
      broker.onTick(tick(110_000));
      for (TradeRequest open : opens) {
        check(broker.execute(open), Retcode.DONE);
      }
      broker.drainEvents();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void quietTick(Quiet book) {
    book.broker.onTick(book.ticks[book.next++ & 255]);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(ARMED)
  public int triggeringTick(Armed book) {
    int deals = 0;
    for (Tick tick : book.falling) {
      book.broker.onTick(tick);
      for (AccountEvent event : book.broker.drainEvents()) {
        if (event instanceof AccountEvent.DealAdded) {
          deals++;
        }
      }
    }
    if (deals != ARMED) {
      throw new IllegalStateException("expected one stop-loss deal per tick, saw " + deals + " deals");
    }
    return deals;
  }

  /** EURUSD at {@code bidPoints} (10^-5) with a 2-point spread. */
  static Tick tick(int bidPoints) {
    return new Tick("EURUSD", BigDecimal.valueOf(bidPoints, 5), BigDecimal.valueOf(bidPoints + 2, 5), T0);
  }

  static TradeRequest order(OrderType type, String price, String sl, String tp) {
    return new TradeRequest.PlaceOrder(type, "EURUSD", new BigDecimal("0.01"), new BigDecimal(price), BigDecimal.ZERO,
        new BigDecimal(sl), new BigDecimal(tp), Expiration.GTC, "", 0, Source.EXPERT);
  }

  static String price(int points) {
    return BigDecimal.valueOf(points, 5).toPlainString();
  }

  static void check(TradeResult result, Retcode expected) {
    if (result.retcode() != expected) {
      throw new IllegalStateException("set-up failed: " + result);
    }
  }
}
