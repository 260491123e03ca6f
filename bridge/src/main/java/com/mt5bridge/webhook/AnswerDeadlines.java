package com.mt5bridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded waits for signal answers without a timer per wait: every waiter is listed with its
 * deadline, and one ticker gives up the waits that are past theirs. A timed wait on a virtual
 * thread arms the JDK's delay scheduler and disarms it again when the answer comes first, two
 * thread wake-ups per webhook that cost more CPU under load than the signal's own checks.
 */
final class AnswerDeadlines {

  /** How late past its deadline a wait may be given up. */
  static final Duration TICK = Duration.ofMillis(20);

  private final InstantSource clock;
  private final Map<Long, Waiter> waiters = new ConcurrentHashMap<>();
  private final AtomicLong nextWaiter = new AtomicLong();

  /** @param timers where the ticker runs (it stops with them) */
  AnswerDeadlines(InstantSource clock, ScheduledExecutorService timers) {
    this.clock = clock;
    timers.scheduleAtFixedRate(this::giveUpLate, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private record Waiter(Instant deadline, CompletableFuture<?> reply) {}

  /**
   * The answer, as {@link java.util.concurrent.Future#get(long, TimeUnit)} gives it: {@link TimeoutException}
   * once {@code deadline} has passed (within {@link #TICK}) without one.
   */
  <T> T await(CompletableFuture<T> answer, Instant deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (answer.isDone()) {
      return answer.get();
    }
    if (!clock.instant().isBefore(deadline)) {
      throw new TimeoutException();
    }
    // A copy to give up on, so the answer itself stays untouched for whoever else waits on it.
    CompletableFuture<T> wait = answer.copy();
    long id = nextWaiter.incrementAndGet();
    waiters.put(id, new Waiter(deadline, wait));
    try {
      return wait.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GaveUp) {
        throw new TimeoutException();
      }
      throw e;
    } finally {
      waiters.remove(id);
    }
  }

  private void giveUpLate() {
    Instant now = clock.instant();
    waiters.values().forEach(waiter -> {
      if (!now.isBefore(waiter.deadline())) {
        waiter.reply().completeExceptionally(new GaveUp());
      }
    });
  }

  /** Completes a wait whose deadline has passed. */
  private static final class GaveUp extends RuntimeException {
    GaveUp() {
      super("the deadline passed", null, false, false);
    }
  }
}
