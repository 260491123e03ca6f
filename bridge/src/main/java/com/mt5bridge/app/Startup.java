package com.mt5bridge.app;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.store.Database;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's start-up after it listens: migrate, then load every account, tried again every 2 s
 * until it all succeeds (an account that cannot be loaded while the database answers is left out
 * for then, and tried again every 2 s after). Until then trading is closed, and /health and every
 * 503 say why.
 */
final class Startup {

  private static final Logger log = LoggerFactory.getLogger(Startup.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile String problem;
  /** What the start-up is doing once the database has answered: said while it waits on a lock. */
  private volatile String stage;
  private volatile boolean stopped;

  /**
   * Runs on its own thread: {@code load} must keep what an earlier, failed attempt already did. Once
   * ready, {@code upkeep} runs every 2 s for as long as the bridge does: it loads the accounts that
   * could not be loaded (so that one fixed in the database trades without a restart) and notices
   * accounts another bridge took over.
   */
  void run(Database database, Runnable load, Runnable upkeep) {
    Thread.ofVirtual().name("startup").start(() -> {
      retryUntilReady(database, load);
      keepUp(upkeep);
    });
  }

  private void keepUp(Runnable upkeep) {
    while (ready.state() == Future.State.SUCCESS && !stopped) {
      sleep();
      try {
        upkeep.run();
      } catch (RuntimeException e) {
        // The database is away: the accounts wait for it as every request does; tried again in 2 s.
      }
    }
  }

  private void retryUntilReady(Database database, Runnable load) {
    long attempt = 0;
    while (!ready.isDone()) {
      try {
        database.migrate();
        // Past the schema, a start-up that waits is waiting on the accounts' rows: a lock held on them (a
        // backup's, another bridge's commit), not an absent database.
        problem = null;
        stage = "loading the accounts";
        load.run();
        if (ready.complete(null)) {
          log.info("MT5 Bridge ready");
        }
      } catch (RuntimeException e) {
        if (ready.isDone()) {
          return; // the bridge is stopping: its pool closed under the startup, which is no fault
        }
        // When the database answers, the failure is something else (an account that cannot be loaded): say it.
        problem = database.ping(Duration.ofSeconds(1)) ? e.getMessage() : "waiting for the database";
        if (attempt++ % 15 == 0) {
          log.atError().setMessage("start-up not finished; retrying every 2 s").addKeyValue("reason", problem)
              .addKeyValue("error", e.getMessage()).log();
        }
        sleep();
      }
    }
  }

  /** Why trading is not open, for /health and every 503 until it is; null once the bridge is ready. */
  String notReady() {
    return switch (ready.state()) {
      case SUCCESS -> null;
      case RUNNING -> "the bridge is starting: " + (problem != null ? problem
          : Objects.requireNonNullElse(stage, "waiting for the database"));
      default -> "the bridge is stopping";
    };
  }

  /** Refuses (503) a request made before the bridge is ready or once it is stopping. */
  void requireReady() {
    String why = notReady();
    if (why != null) {
      throw ApiException.unavailable(why);
    }
  }

  boolean await(Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Ends a start-up still trying, and the retries of accounts left, before the pool they use is closed. */
  void stop() {
    stopped = true;
    ready.completeExceptionally(new IllegalStateException("the bridge stopped before it was ready"));
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
