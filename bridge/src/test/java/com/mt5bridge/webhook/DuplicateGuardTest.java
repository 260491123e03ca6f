package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalQuery;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import com.mt5bridge.store.InMemoryJournal;
import com.mt5bridge.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the guard answers once an alert's claim has been forgotten: a claim lives only a few seconds
 * after its answer ({@link DuplicateGuard#CLAIM_MEMORY}); a repeat after that must still be found,
 * through the seen-keys filter and the journal, and must never be taken for a new alert.
 */
class DuplicateGuardTest {

  private static final String STRATEGY = "trend";
  private static final String KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final SettableClock clock = new SettableClock();
  private final CountingLog journal = new CountingLog();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final DuplicateGuard guard =
      new DuplicateGuard(journal, clock, new AnswerDeadlines(clock, timers), Duration.ofSeconds(10));

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  /** A claim made by a webhook that answers within its 2.5 s. */
  private Optional<DuplicateGuard.Claim> claim(Instant alertTime, DuplicateGuard.Claim mine) {
    return guard.claimKey(STRATEGY, KEY, alertTime, mine, clock.instant().plusMillis(2500));
  }

  @BeforeEach
  void startedAnHourAgo() {
    // as at start-up: the last hour's keys are loaded (none here), so memory covers that hour
    guard.preload();
  }

  @Test
  void a_repeat_after_the_claim_is_forgotten_is_answered_from_the_journal_with_the_first_result() {
    Instant received = clock.instant();
    DuplicateGuard.Claim first = new DuplicateGuard.Claim("signal-1", received);
    assertThat(claim(received, first)).isEmpty();
    first.answer.complete(new SignalAnswer("signal-1", SignalStatus.EXECUTED, "[{\"deal\":3}]", null));
    journal.append(executed("signal-1", received));

    clock.advance(DuplicateGuard.CLAIM_MEMORY.plusSeconds(1));
    guard.sweep();
    Optional<DuplicateGuard.Claim> repeat = claim(received, new DuplicateGuard.Claim("signal-2", clock.instant()));

    assertThat(journal.lookups.get()).as("the claim was forgotten, so the journal was asked").isEqualTo(1);
    assertThat(repeat).isPresent();
    assertThat(repeat.get().signalId).isEqualTo("signal-1");
    SignalAnswer answer = repeat.get().answer.join();
    assertThat(answer.status()).isEqualTo(SignalStatus.EXECUTED);
    assertThat(answer.results()).isEqualTo("[{\"deal\":3}]");
    assertThat(answer.message()).isEqualTo("the broker refused order 2 of 2");
  }

  @Test
  void a_repeat_within_the_claims_memory_is_answered_without_asking_the_journal() {
    Instant received = clock.instant();
    DuplicateGuard.Claim first = new DuplicateGuard.Claim("signal-1", received);
    claim(received, first);
    first.answer.complete(new SignalAnswer("signal-1", SignalStatus.EXECUTED, "[]", null));

    clock.advance(DuplicateGuard.CLAIM_MEMORY.dividedBy(2));
    guard.sweep();
    Optional<DuplicateGuard.Claim> repeat = claim(received, new DuplicateGuard.Claim("signal-2", clock.instant()));

    assertThat(repeat).containsSame(first);
    assertThat(journal.lookups.get()).isZero();
  }

  @Test
  void a_claim_still_waiting_for_its_account_is_never_forgotten() {
    Instant received = clock.instant();
    DuplicateGuard.Claim first = new DuplicateGuard.Claim("signal-1", received);
    claim(received, first);

    // answered PENDING and still running a minute later: the repeat must wait for the same outcome
    clock.advance(Duration.ofMinutes(1));
    guard.sweep();
    Optional<DuplicateGuard.Claim> repeat = claim(received, new DuplicateGuard.Claim("signal-2", clock.instant()));

    assertThat(repeat).containsSame(first);
  }

  @Test
  void a_new_alert_whose_time_is_within_memory_is_let_through_without_asking_the_journal() {
    Instant received = clock.instant();

    Optional<DuplicateGuard.Claim> claim = claim(received, new DuplicateGuard.Claim("signal-1", received));

    assertThat(claim).isEmpty();
    assertThat(journal.lookups.get()).isZero();
  }

  @Test
  void a_journal_that_does_not_answer_by_the_webhooks_deadline_leaves_the_alert_unclaimed() throws Exception {
    Instant received = clock.instant();
    // an alert from before memory begins: only the journal can tell whether it is new
    Instant barOpen = received.minus(Duration.ofHours(4));
    journal.hang();

    CompletableFuture<Optional<DuplicateGuard.Claim>> first = CompletableFuture.supplyAsync(() ->
        claim(barOpen, new DuplicateGuard.Claim("signal-1", received)));
    journal.asked.await();
    clock.advance(Duration.ofMillis(2500));

    assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessage("the signal journal did not tell in time whether this alert was taken before (the database "
            + "does not answer); nothing was done");
    journal.answer();
    // Nothing was done, so the same alert, sent again once the database answers, is new.
    assertThat(claim(barOpen, new DuplicateGuard.Claim("signal-2", clock.instant()))).isEmpty();
  }

  private static SignalRecord executed(String id, Instant received) {
    return new SignalRecord(id, STRATEGY, "acc", KEY, null, SignalStatus.EXECUTED, "buy", "EURUSD", "127.0.0.1",
        "application/json", "{}", null, "[{\"deal\":3}]", "the broker refused order 2 of 2", null, received, received);
  }

  /** The in-memory journal, counting the lookups by key that the guard makes. */
  private static final class CountingLog implements SignalLog {
    final InMemoryJournal journal = new InMemoryJournal();
    final AtomicInteger lookups = new AtomicInteger();
    final CountDownLatch asked = new CountDownLatch(1);
    private volatile CountDownLatch hung = new CountDownLatch(0);

    /** Look-ups wait until {@link #answer}, as on a database frozen with its connections open. */
    void hang() {
      hung = new CountDownLatch(1);
    }

    void answer() {
      hung.countDown();
    }

    @Override
    public void append(SignalRecord signal) {
      journal.append(signal);
    }

    @Override
    public Optional<SignalRecord> find(String id) {
      return journal.find(id);
    }

    @Override
    public List<SignalRecord> recent(SignalQuery query) {
      return journal.recent(query);
    }

    @Override
    public Optional<SignalRecord> byKey(String strategy, String idempotencyKey) {
      lookups.incrementAndGet();
      asked.countDown();
      try {
        hung.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return journal.byKey(strategy, idempotencyKey);
    }

    @Override
    public List<SignalRecord> hashedSince(Instant since) {
      return journal.hashedSince(since);
    }

    @Override
    public List<Key> keysSince(Instant since, int limit) {
      return journal.keysSince(since, limit);
    }
  }
}
