package com.mt5bridge.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether the database answers, so that health checks and callers never wait on a dead
 * server. Pings once a second; logs each change of state once; tells listeners when it returns.
 */
public final class DatabaseMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);

  private final Database database;
  private final ScheduledExecutorService timer;
  private final List<Runnable> onRecovery = new CopyOnWriteArrayList<>();
  private volatile boolean up;

  public DatabaseMonitor(Database database, Duration interval) {
    this.database = database;
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("db-monitor").daemon().factory());
    this.up = database.ping(Duration.ofSeconds(1));
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean up() {
    return up;
  }

  /** Runs {@code action} each time the database comes back after being down. */
  public void onRecovery(Runnable action) {
    onRecovery.add(action);
  }

  /** A caller saw the database fail: believe it now rather than at the next ping. */
  public void reportFailure(Throwable cause) {
    if (up) {
      up = false;
      log.atError().setMessage("database DOWN").addKeyValue("reason", cause.getMessage()).log();
    }
  }

  private void check() {
    boolean now = database.ping(Duration.ofSeconds(1));
    if (now == up) {
      return;
    }
    up = now;
    if (now) {
      log.info("database UP again");
      onRecovery.forEach(DatabaseMonitor::runQuietly);
    } else {
      log.error("database DOWN: no answer to a ping");
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("recovery action failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
