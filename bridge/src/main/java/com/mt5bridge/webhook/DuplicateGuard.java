package com.mt5bridge.webhook;

import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a repeated alert a duplicate of the first instead of a second trade, also when both arrive
 * at once. An alert with {@code id} and {@code time} is identified by them for good; one without,
 * by its body, within a window. The first delivery claims the alert; repeats wait for the first's
 * answer. A claim is dropped when the first was refused before it reached the broker, so a corrected
 * retry is not mistaken for a duplicate.
 *
 * <p>Claims are held in memory for a day ({@link #KEY_MEMORY}). Before that, and for alerts whose
 * {@code time} cannot tell, the journal is asked: its unique key on (strategy, idempotency key) is
 * the last word, and it also refuses a second insert of the same key.
 */
final class DuplicateGuard {

  static final Duration KEY_MEMORY = Duration.ofHours(24);
  /** TradingView's clock may run ahead of ours by this much. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final int MAX_KEYS = 1_000_000;

  /** The first delivery of an alert: its signal and, once known, its answer. */
  static final class Claim {
    final String signalId;
    final Instant receivedAt;
    final CompletableFuture<SignalAnswer> answer = new CompletableFuture<>();

    Claim(String signalId, Instant receivedAt) {
      this.signalId = signalId;
      this.receivedAt = receivedAt;
    }

    static Claim answered(SignalRecord record) {
      Claim claim = new Claim(record.id(), record.receivedAt());
      claim.answer.complete(new SignalAnswer(record.id(), record.status(),
          record.results() == null ? SignalAnswer.NO_RESULTS : record.results(), null));
      return claim;
    }
  }

  private final SignalLog log;
  private final InstantSource clock;
  private final Duration window;
  private final Map<String, Claim> keyed = new ConcurrentHashMap<>();
  private final Map<String, Claim> bodies = new ConcurrentHashMap<>();
  /** Every identified alert received since this instant is in {@link #keyed}. */
  private volatile Instant coveredSince;

  DuplicateGuard(SignalLog log, InstantSource clock, Duration window) {
    this.log = log;
    this.clock = clock;
    this.window = window;
    this.coveredSince = clock.instant();
  }

  /** Remembers the bodies received within the window before a restart. */
  void preload() {
    Instant since = clock.instant().minus(window);
    for (SignalRecord record : log.hashedSince(since)) {
      bodies.putIfAbsent(record.strategy() + '\n' + record.bodyHash(), Claim.answered(record));
    }
  }

  /**
   * Claims an identified alert; empty when {@code mine} is the first, else the earlier claim.
   *
   * @param alertTime the alert's own time, which tells whether memory alone can answer
   */
  Optional<Claim> claimKey(String strategy, String key, Instant alertTime, Claim mine) {
    String id = strategy + '\n' + key;
    Claim earlier = keyed.putIfAbsent(id, mine);
    if (earlier != null) {
      return Optional.of(earlier);
    }
    if (memoryCovers(alertTime)) {
      return Optional.empty();
    }
    Optional<SignalRecord> stored;
    try {
      stored = log.byKey(strategy, key);
    } catch (RuntimeException e) {
      keyed.remove(id, mine);
      throw e;
    }
    if (stored.isPresent()) {
      Claim answered = Claim.answered(stored.get());
      keyed.replace(id, mine, answered);
      return Optional.of(answered);
    }
    return Optional.empty();
  }

  /**
   * Whether a first delivery of an alert with this time would be in memory: it cannot have arrived
   * before its own time (give or take the skew), so if that is after {@link #coveredSince}, it did
   * not arrive before memory begins. A time in the future proves nothing: ask the journal.
   */
  private boolean memoryCovers(Instant alertTime) {
    return alertTime != null
        && !alertTime.minus(CLOCK_SKEW).isBefore(coveredSince)
        && !alertTime.isAfter(clock.instant().plus(CLOCK_SKEW));
  }

  /** Claims an alert without id by its body; a claim older than the window no longer counts. */
  Optional<Claim> claimBody(String strategy, String bodyHash, Claim mine) {
    Claim[] earlier = new Claim[1];
    bodies.compute(strategy + '\n' + bodyHash, (id, existing) -> {
      if (existing != null && Duration.between(existing.receivedAt, mine.receivedAt).compareTo(window) < 0) {
        earlier[0] = existing;
        return existing;
      }
      return mine;
    });
    return Optional.ofNullable(earlier[0]);
  }

  /** Gives up a claim whose signal was refused before reaching the broker. */
  void release(String strategy, String key, String bodyHash, Claim mine) {
    if (key != null) {
      keyed.remove(strategy + '\n' + key, mine);
    } else {
      bodies.remove(strategy + '\n' + bodyHash, mine);
    }
  }

  /** Forgets what no longer needs remembering: bodies past the window, keys past a day (or the oldest, past the cap). */
  void sweep() {
    Instant now = clock.instant();
    Instant bodyHorizon = now.minus(window);
    bodies.values().removeIf(c -> c.answer.isDone() && c.receivedAt.isBefore(bodyHorizon));
    Instant keyHorizon = now.minus(KEY_MEMORY);
    if (keyed.size() > MAX_KEYS) {
      keyHorizon = keyed.values().stream().map(c -> c.receivedAt).sorted(Comparator.reverseOrder())
          .skip(MAX_KEYS / 2).findFirst().orElse(keyHorizon);
    }
    Instant horizon = keyHorizon;
    if (keyed.values().removeIf(c -> c.answer.isDone() && c.receivedAt.isBefore(horizon))
        && horizon.isAfter(coveredSince)) {
      coveredSince = horizon;
    }
  }
}
