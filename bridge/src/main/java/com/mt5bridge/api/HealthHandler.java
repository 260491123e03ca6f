package com.mt5bridge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: DOWN (503) without the database or while the bridge is starting (every trade
 * and webhook answers 503 meanwhile), DEGRADED when commits are stalled, a live terminal is
 * disconnected or an account could not be loaded, else UP. Answers from cached state: never waits on
 * a dead dependency.
 */
public final class HealthHandler implements Handler {

  /**
   * A commit waiting longer than this means the database answers but takes no writes: every signal
   * would answer PENDING, which an operator must see without reading each answer.
   */
  public static final Duration STALL = Duration.ofSeconds(5);

  private final BooleanSupplier databaseUp;
  private final Supplier<String> starting;
  private final Supplier<Map<String, String>> accountsNotLoaded;
  private final Supplier<Duration> commitWait;
  private final Supplier<String> trading;
  private final Supplier<Map<String, String>> terminals;
  private final SignalCounts signals;
  private final String version;
  private final Instant startedAt;
  private final InstantSource clock;

  /** The webhook's counts on /health (see {@link Health}). */
  public record SignalCounts(LongSupplier pending, LongSupplier notJournaled,
      LongSupplier unauthenticatedNotJournaled) {}

  /**
   * @param starting why the bridge is not ready yet ("the bridge is starting: ..."), or null once it is
   * @param accountsNotLoaded accounts that do not trade here (start-up could not load them, or another
   *     bridge on the same database took them over), with why: DEGRADED while there are any
   */
  public HealthHandler(BooleanSupplier databaseUp, Supplier<String> starting,
      Supplier<Map<String, String>> accountsNotLoaded, Supplier<Duration> commitWait, Supplier<String> trading,
      Supplier<Map<String, String>> terminals, SignalCounts signals, String version, InstantSource clock) {
    this.databaseUp = databaseUp;
    this.trading = trading;
    this.starting = starting;
    this.accountsNotLoaded = accountsNotLoaded;
    this.commitWait = commitWait;
    this.terminals = terminals;
    this.signals = signals;
    this.version = version;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  @Override
  public void handle(Context ctx) {
    Health health = current();
    ctx.status(Health.DOWN.equals(health.status()) ? 503 : 200).json(health);
  }

  public Health current() {
    boolean database = databaseUp.getAsBoolean();
    String journal = !database ? Health.DOWN : commitWait.get().compareTo(STALL) > 0 ? Health.STALLED : Health.UP;
    Map<String, String> terminalStates = new TreeMap<>(terminals.get());
    String notReady = starting.get();
    Map<String, String> notLoaded = accountsNotLoaded.get();
    String status = !database || notReady != null ? Health.DOWN
        : journal.equals(Health.STALLED) || terminalStates.containsValue(Health.DOWN) || !notLoaded.isEmpty()
            ? Health.DEGRADED : Health.UP;
    ErrorBody.Detail error = !database ? ErrorBody.of(ErrorCode.UNAVAILABLE, "the database does not answer", null).error()
        : notReady != null ? ErrorBody.of(ErrorCode.UNAVAILABLE, notReady, null).error() : null;
    long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
    // Not before start-up has read the kill switch from the database.
    return new Health(status, notReady == null, database ? Health.UP : Health.DOWN, journal,
        notReady == null ? trading.get() : null,
        terminalStates, notLoaded,
        signals.pending().getAsLong(), signals.notJournaled().getAsLong(),
        signals.unauthenticatedNotJournaled().getAsLong(), version, uptime, error);
  }
}
