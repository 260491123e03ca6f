package com.mt5bridge.webhook;

import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Makes a repeated alert a duplicate of the first instead of a second trade, also when both arrive
 * at once. An alert with {@code id} and {@code time} is identified by them for good; one without,
 * by its body, within a window. The first delivery claims the alert; repeats wait for the first's
 * answer. A claim is dropped when the first was refused before it reached the broker, so a corrected
 * retry is not mistaken for a duplicate.
 *
 * <p>Claims are held about a second after their answer, for repeats that come at once; older keys
 * are remembered compactly in {@link SeenKeys}. When those cannot vouch that an alert is new (a
 * key that may have been seen, an alert {@code time} from before memory begins, or none), the
 * journal is asked: its unique key on (strategy, idempotency key) is the last word, and it also
 * refuses a second insert of the same key.
 */
final class DuplicateGuard {

  /**
   * How long an answered claim is kept to answer repeats from memory. Short: a repeat that comes
   * later is answered from the journal, and claims were most of what every young collection copied
   * under load (at 10,000 signals/s, 5 s of them made young pauses of 15-35 ms).
   */
  static final Duration CLAIM_MEMORY = Duration.ofSeconds(1);
  /** How far back a restart reloads the keys of recent signals. */
  private static final Duration RELOAD = Duration.ofHours(1);
  /** TradingView's clock may run ahead of ours by this much. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

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
          record.results() == null ? SignalAnswer.NO_RESULTS : record.results(), record.message()));
      return claim;
    }
  }

  private final SignalLog log;
  private final InstantSource clock;
  private final AnswerDeadlines deadlines;
  private final Duration window;
  private final Map<String, Claim> keyed = new ConcurrentHashMap<>();
  private final Map<String, Claim> bodies = new ConcurrentHashMap<>();
  private volatile SeenKeys seen;

  /** @param deadlines bound the journal's look-ups by the webhook's answer */
  DuplicateGuard(SignalLog log, InstantSource clock, AnswerDeadlines deadlines, Duration window) {
    this.log = log;
    this.clock = clock;
    this.deadlines = deadlines;
    this.window = window;
    this.seen = new SeenKeys(clock.instant());
  }

  /**
   * After a restart: the keys of the last hour's signals (the newest, if there are very many) and
   * the bodies received within the window, so that repeats are known without asking the journal.
   */
  void preload() {
    Instant now = clock.instant();
    Instant since = now.minus(RELOAD);
    int limit = SeenKeys.CAPACITY / 2;
    List<SignalLog.Key> keys = log.keysSince(since, limit);
    Instant covered = keys.size() < limit ? since : keys.getLast().receivedAt();
    SeenKeys reloaded = new SeenKeys(covered);
    for (SignalLog.Key key : keys) {
      reloaded.add(high(key.strategy(), key.idempotencyKey()), low(key.idempotencyKey()), now);
    }
    seen = reloaded;
    for (SignalRecord record : log.hashedSince(now.minus(window))) {
      bodies.putIfAbsent(record.strategy() + '\n' + record.bodyHash(), Claim.answered(record));
    }
  }

  /**
   * Claims an identified alert; empty when {@code mine} is the first, else the earlier claim. Its
   * {@code receivedAt} is taken as the time now (a clock reading per alert saved).
   *
   * @param alertTime the alert's own time, which tells whether memory alone can answer
   * @param deadline when the webhook answers: a journal that has not told by then whether the alert
   *     is a repeat makes it a {@link BrokerUnavailableException}, and the alert is not claimed
   */
  Optional<Claim> claimKey(String strategy, String key, Instant alertTime, Claim mine, Instant deadline) {
    String id = strategy + '\n' + key;
    Claim earlier = keyed.putIfAbsent(id, mine);
    if (earlier != null) {
      return Optional.of(earlier);
    }
    SeenKeys memory = seen;
    long high = high(strategy, key);
    long low = low(key);
    boolean maybeSeen = memory.mightContain(high, low);
    memory.add(high, low, mine.receivedAt);
    if (!maybeSeen && covers(memory, alertTime, mine.receivedAt)) {
      return Optional.empty();
    }
    Optional<SignalRecord> stored;
    try {
      stored = lookUp(strategy, key, deadline);
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
   * The journal's word on a key, by the deadline. Asked on a thread of its own: a database that
   * stops answering without closing its connections (a frozen server, a network cut) would
   * otherwise hold the webhook until TCP gives up, long after TradingView did.
   */
  private Optional<SignalRecord> lookUp(String strategy, String key, Instant deadline) {
    CompletableFuture<Optional<SignalRecord>> stored = new CompletableFuture<>();
    Thread.startVirtualThread(() -> {
      try {
        stored.complete(log.byKey(strategy, key));
      } catch (RuntimeException e) {
        stored.completeExceptionally(e);
      }
    });
    try {
      return deadlines.await(stored, deadline);
    } catch (TimeoutException e) {
      throw new BrokerUnavailableException("the signal journal did not tell in time whether this alert was taken "
          + "before (the database does not answer); nothing was done");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("the bridge is stopping; nothing was done");
    }
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

  /**
   * Forgets answered claims that are no longer needed: bodies past the window, keys past
   * {@link #CLAIM_MEMORY}.
   */
  void sweep() {
    Instant now = clock.instant();
    Instant bodyHorizon = now.minus(window);
    bodies.values().removeIf(c -> c.answer.isDone() && c.receivedAt.isBefore(bodyHorizon));
    Instant keyHorizon = now.minus(CLAIM_MEMORY);
    keyed.values().removeIf(c -> c.answer.isDone() && c.receivedAt.isBefore(keyHorizon));
  }

  /**
   * Whether memory alone can tell that an alert is new: its first delivery cannot have come before
   * its own time (give or take the skew), so if that is within memory, it would be remembered. A
   * time in the future proves nothing.
   */
  private static boolean covers(SeenKeys memory, Instant alertTime, Instant now) {
    return alertTime != null
        && !alertTime.minus(CLOCK_SKEW).isBefore(memory.coveredSince())
        && !alertTime.isAfter(now.plus(CLOCK_SKEW));
  }

  /**
   * The key ends in a SHA-256 in hex (after the alert's time, see {@link Signals#idempotencyKey}), so
   * its digits are uniform already; the strategy is mixed into one half.
   */
  private static long high(String strategy, String key) {
    int hash = key.length() - 64;
    return Long.parseUnsignedLong(key, hash, hash + 16, 16) ^ (strategy.hashCode() * 0x9E3779B97F4A7C15L);
  }

  private static long low(String key) {
    int hash = key.length() - 64;
    return Long.parseUnsignedLong(key, hash + 16, hash + 32, 16) | 1L;
  }
}
