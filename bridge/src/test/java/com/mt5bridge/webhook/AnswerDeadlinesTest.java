package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AnswerDeadlinesTest {

  private final InstantSource clock = InstantSource.system();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final AnswerDeadlines deadlines = new AnswerDeadlines(clock, timers);

  @AfterEach
  void close() {
    timers.shutdownNow();
  }

  @Test
  void an_answer_that_comes_in_time_is_returned() throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Thread.startVirtualThread(() -> {
      sleep(50);
      answer.complete("EXECUTED");
    });

    assertThat(deadlines.await(answer, clock.instant().plusSeconds(5))).isEqualTo("EXECUTED");
  }

  @Test
  void a_wait_past_its_deadline_is_given_up_and_leaves_the_answer_to_others() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Instant deadline = clock.instant().plusMillis(200);

    assertThatThrownBy(() -> deadlines.await(answer, deadline)).isInstanceOf(TimeoutException.class);

    Instant gaveUp = clock.instant();
    assertThat(gaveUp).isAfterOrEqualTo(deadline);
    // Given up by the ticker within a tick or so of the deadline, not seconds later.
    assertThat(Duration.between(deadline, gaveUp)).isLessThan(Duration.ofSeconds(1));
    assertThat(answer).isNotDone();
    answer.complete("EXECUTED");
    assertThat(answer.join()).isEqualTo("EXECUTED");
  }

  @Test
  void a_failed_answer_is_the_failure_not_a_timeout() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Thread.startVirtualThread(() -> answer.completeExceptionally(new IllegalStateException("refused")));

    assertThatThrownBy(() -> deadlines.await(answer, clock.instant().plusSeconds(5)))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("refused");
  }

  @Test
  void with_the_deadline_already_passed_only_a_finished_answer_is_returned() throws Exception {
    Instant passed = clock.instant().minusMillis(1);

    assertThatThrownBy(() -> deadlines.await(new CompletableFuture<String>(), passed))
        .isInstanceOf(TimeoutException.class);
    assertThat(deadlines.await(CompletableFuture.completedFuture("EXECUTED"), passed)).isEqualTo("EXECUTED");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
