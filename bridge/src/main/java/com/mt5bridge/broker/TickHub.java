package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices in, to every SIM account that trades the symbol (the original design's broadcast_tick).
 * A batch of ticks is checked whole before any of it is delivered: a bad tick changes nothing.
 *
 * <p>An account's clock is the time of the newest tick it has seen, and never goes back: a tick
 * from the future would carry it there for good, with every swap rollover and day in between (one
 * tick dated 2099, say, charged 73 years of swaps), so a tick more than {@link #MAX_AHEAD} ahead of
 * the bridge's clock is refused. A tick older than its symbol's newest price is not that symbol's
 * price any more (a feed's late delivery, a second feed behind the first): it is left out, and counted.
 */
public final class TickHub {

  private static final Logger log = LoggerFactory.getLogger(TickHub.class);

  /** How far ahead of the bridge's clock a tick's time may be: feeds' clocks drift a little. */
  public static final Duration MAX_AHEAD = Duration.ofSeconds(60);
  /** At most one warning a minute about ticks left out, so a feed with a wrong clock does not flood the log. */
  private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  /** What became of a batch: how many ticks were delivered, and how many left out as older than their symbol's price. */
  public record Published(int accepted, int late) {}

  /** An account trading a symbol, with its own spec of it (digits may differ between accounts). */
  private record Subscription(Broker broker, SymbolSpec spec) {}

  private final Map<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();
  /** The newest tick of each symbol published since the bridge started. */
  private final Map<String, Tick> latest = new ConcurrentHashMap<>();
  /** The newest price of each symbol the accounts rebuilt at start-up had stored. */
  private final Map<String, Tick> remembered = new ConcurrentHashMap<>();
  private final Map<String, SymbolSpec> specs = new ConcurrentHashMap<>();
  private final InstantSource clock;
  // Guarded by this (publish): ticks left out since the last warning about them, and when it was.
  private long lateSinceReport;
  private long aheadSinceReport;
  private Tick leftOutExample;
  private Instant reportedAt = Instant.MIN;

  public TickHub(InstantSource clock) {
    this.clock = clock;
  }

  public void subscribe(Broker broker) {
    for (SymbolSpec spec : broker.symbols()) {
      subscribers.computeIfAbsent(spec.name(), k -> new CopyOnWriteArrayList<>()).add(new Subscription(broker, spec));
      specs.putIfAbsent(spec.name(), spec);
    }
  }

  public void unsubscribe(Broker broker) {
    subscribers.values().forEach(list -> list.removeIf(s -> s.broker() == broker));
  }

  /**
   * Delivers the ticks in order, each to every account that trades its symbol, but for those older
   * than their symbol's newest price. One batch at a time, so that every account gets a symbol's
   * ticks in the order this decided on.
   *
   * @param ticks a tick without a time (null) is the symbol's price now: it takes the bridge's
   *     time, or its symbol's newest tick's if the bridge's clock is behind that (a clock stepped
   *     back must not make a feed's ticks late)
   * @throws InvalidFieldException naming the first bad tick; then none is delivered
   */
  public synchronized Published publish(List<Tick> ticks) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < ticks.size(); i++) {
      check(ticks.get(i), ticks.size() == 1 ? "" : "[" + i + "].", now);
    }
    int late = 0;
    for (Tick given : ticks) {
      Tick newest = latest(given.symbol()).orElse(null);
      Tick tick = given.time() != null ? given : new Tick(given.symbol(), given.bid(), given.ask(),
          newest != null && newest.time().isAfter(now) ? newest.time() : now);
      if (newest != null && tick.time().isBefore(newest.time())) {
        late++;
        lateSinceReport++;
        leftOutExample = tick;
        continue;
      }
      latest.put(tick.symbol(), tick);
      for (Subscription subscription : subscribers.getOrDefault(tick.symbol(), List.of())) {
        subscription.broker().onTick(tick);
      }
    }
    if (late > 0) {
      reportLeftOut(now);
    }
    return new Published(ticks.size() - late, late);
  }

  /**
   * Tells the operator, at most once a minute, that the feed's ticks are being left out: only the
   * feed hears the answers, and prices that stop moving are otherwise a mystery.
   */
  private void reportLeftOut(Instant now) {
    if (now.isBefore(reportedAt.plus(REPORT_EVERY))) {
      return;
    }
    log.atWarn().setMessage("ticks left out: those older than their symbol's newest price (late), or more than "
        + MAX_AHEAD.toSeconds() + " s ahead of the bridge's clock (refused); check that the feed sends UTC times "
        + "from a clock in step").addKeyValue("late", lateSinceReport).addKeyValue("ahead", aheadSinceReport)
        .addKeyValue("symbol", leftOutExample.symbol()).addKeyValue("time", leftOutExample.time())
        .addKeyValue("bridgeTime", now).log();
    lateSinceReport = 0;
    aheadSinceReport = 0;
    reportedAt = now;
  }

  /**
   * Gives a new account the newest price seen for each of its symbols, where the account's spec
   * can take it (a price with more digits than its spec allows would be refused from a feed too).
   * Otherwise a new account could not trade until the next tick of each symbol, though every
   * other account trades on these prices.
   */
  public void seed(Broker broker) {
    for (SymbolSpec spec : broker.symbols()) {
      Tick live = latest.get(spec.name());
      Tick tick = live != null ? live : remembered.get(spec.name());
      if (tick != null && fits(tick, spec)) {
        broker.onLastKnownPrice(tick, live != null);
      }
    }
  }

  /** The newest tick published since start of each of these symbols, where the spec can take it. */
  public List<Tick> live(Collection<SymbolSpec> symbols) {
    List<Tick> live = new ArrayList<>();
    for (SymbolSpec spec : symbols) {
      Tick tick = latest.get(spec.name());
      if (tick != null && fits(tick, spec)) {
        live.add(tick);
      }
    }
    return live;
  }

  /**
   * Prices an account rebuilt at start-up had last seen, so that conversions across accounts and new
   * accounts have them before the feed's next ticks; a symbol keeps the newest of them. A new account
   * values with them but, like the rebuilt ones, does not deal at them.
   */
  public void remember(List<Tick> prices) {
    for (Tick tick : prices) {
      remembered.merge(tick.symbol(), tick, (known, given) -> given.time().isAfter(known.time()) ? given : known);
    }
  }

  /** The newest price known for a symbol: from the feed since start, else the newest stored one. */
  public Optional<Tick> latest(String symbol) {
    Tick live = latest.get(symbol);
    return Optional.ofNullable(live != null ? live : remembered.get(symbol));
  }

  /** The spec of a symbol some account trades (the first account's, if they differ). */
  public Optional<SymbolSpec> spec(String symbol) {
    return Optional.ofNullable(specs.get(symbol));
  }

  public List<SymbolSpec> knownSymbols() {
    return new ArrayList<>(specs.values());
  }

  private void check(Tick tick, String at, Instant now) {
    List<Subscription> accounts = subscribers.getOrDefault(tick.symbol(), List.of());
    if (accounts.isEmpty()) {
      throw new InvalidFieldException(at + "symbol", "no SIM account trades " + tick.symbol());
    }
    if (tick.time() != null && tick.time().isAfter(now.plus(MAX_AHEAD))) {
      aheadSinceReport++;
      leftOutExample = tick;
      reportLeftOut(now);
      throw new InvalidFieldException(at + "time", "time " + tick.time() + " is "
          + Duration.between(now, tick.time()).toSeconds() + " s ahead of the bridge's clock: "
          + "the accounts' clocks would jump there for good, with every swap and day in between; send the tick's "
          + "time in UTC (ISO-8601 with Z), at most " + MAX_AHEAD.toSeconds() + " s ahead");
    }
    positive(tick.bid(), at + "bid");
    positive(tick.ask(), at + "ask");
    if (tick.bid().compareTo(tick.ask()) > 0) {
      throw new InvalidFieldException(at + "bid", "bid " + tick.bid().toPlainString() + " is above ask "
          + tick.ask().toPlainString());
    }
    for (Subscription subscription : accounts) {
      digits(tick.bid(), subscription.spec(), subscription.broker(), at + "bid");
      digits(tick.ask(), subscription.spec(), subscription.broker(), at + "ask");
    }
  }

  private static void positive(BigDecimal price, String field) {
    if (price == null || price.signum() <= 0) {
      throw new InvalidFieldException(field, field + " must be a positive price");
    }
  }

  private static boolean fits(Tick tick, SymbolSpec spec) {
    return fits(tick.bid(), spec) && fits(tick.ask(), spec);
  }

  /**
   * At most the symbol's digits, and a price its accounts can count ({@link SymbolSpec#countable}). A
   * price past that overflowed inside every account that traded the symbol, and each dropped the batch
   * of requests the tick came with.
   */
  private static boolean fits(BigDecimal price, SymbolSpec spec) {
    return price.stripTrailingZeros().scale() <= spec.digits() && spec.countable(price);
  }

  private static void digits(BigDecimal price, SymbolSpec spec, Broker broker, String field) {
    if (!fits(price, spec)) {
      boolean tooLarge = price.stripTrailingZeros().scale() <= spec.digits();
      throw new InvalidFieldException(field, field + " " + price.toPlainString() + (tooLarge
          ? " is beyond any price " + spec.name() + " can have in account " + broker.id() + " (under 10^"
              + spec.priceIntegerDigits() + ")"
          : " has more than the " + spec.digits() + " digits of " + spec.name() + " in account " + broker.id()));
    }
  }
}
