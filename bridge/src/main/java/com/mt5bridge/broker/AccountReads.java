package com.mt5bridge.broker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads of an account (its state, a strategy's day on it) that wait for the account's turn at most
 * {@link #WAIT}. A turn comes only after the account's last change is committed, so a database that
 * holds a commit (a backup's lock, a full disk, a network cut) would hold every read of the account
 * for as long, and an operator's page or script would hang just when the operator needs it. Past the
 * wait the read fails with {@link BrokerUnavailableException} (503) saying why; the account is untouched.
 */
public final class AccountReads {

  public static final Duration WAIT = Duration.ofSeconds(5);

  private AccountReads() {}

  public static CompletableFuture<AccountSnapshot> snapshot(Broker broker) {
    return within(broker, broker.snapshot());
  }

  /** {@code answer}, a read of {@code broker}, or the failure that says it did not come within {@link #WAIT}. */
  public static <T> CompletableFuture<T> within(Broker broker, CompletableFuture<T> answer) {
    return answer.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
      Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return CompletableFuture.failedFuture(failure instanceof TimeoutException ? notInTime(broker.id()) : failure);
    });
  }

  private static BrokerUnavailableException notInTime(String account) {
    return new BrokerUnavailableException("account " + account + " did not answer within " + WAIT.toSeconds()
        + " s: it answers once its last change is committed, and the database has not taken it yet (/health "
        + "says how the database is); nothing was changed, try again");
  }
}
