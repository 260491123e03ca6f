package com.mt5bridge.strategy;

import com.mt5bridge.api.ApiException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch: trading paused for every strategy, kept in the {@link StrategyStore} so that a
 * restart keeps it. A pause takes effect at once, in memory, whatever the database does: an
 * emergency stop must neither wait for nor fail with what may be going wrong (a database that holds
 * writes would otherwise let the signals queued behind it trade when it lets go). It is stored as
 * soon as the database takes it, retried until then. A resume takes effect only once stored, so a
 * restart never finds trading paused that was running, nor running that was paused.
 *
 * <p>Writes go through one writer thread, started while something is left to store, which always
 * writes the newest wish: a pause stored late never lands over a later resume, nor the other way.
 */
final class KillSwitch {

  private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

  /** How long a pause or resume waits for the database to store it before it answers. */
  static final Duration WAIT = Duration.ofSeconds(2);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final StrategyStore store;
  private final String actor;
  private volatile boolean paused;
  // Guarded by this: the newest wish and its number, the number stored, the writer while it runs.
  private boolean wanted;
  private long wish;
  private long stored;
  private Thread writer;

  KillSwitch(StrategyStore store, String actor) {
    this.store = store;
    this.actor = actor;
  }

  /** Takes the stored state (at start-up); nothing is left to write after it. */
  synchronized void load() {
    paused = store.tradingPaused();
    wanted = paused;
    stored = wish;
  }

  boolean paused() {
    return paused;
  }

  synchronized TradingState state() {
    return new TradingState(paused, stored == wish);
  }

  /** Pauses trading now; {@code stored} says whether the database took it within {@link #WAIT}. */
  synchronized TradingState pause() {
    if (paused && stored == wish) {
      return new TradingState(true, true);
    }
    if (!paused) {
      log.atWarn().setMessage("kill switch: trading paused").log();
    }
    paused = true;
    boolean inTime = storedWithin(want(true));
    if (!inTime) {
      log.atWarn().setMessage("kill switch: trading is paused in this bridge, but the database has not stored it "
          + "yet; a restart before it does would trade again. The bridge stores it as soon as the database takes it").log();
    }
    return new TradingState(true, inTime);
  }

  /** Resumes trading once the database has stored it; otherwise trading stays paused and this says so. */
  synchronized TradingState resume() {
    if (!paused && stored == wish) {
      return new TradingState(false, true);
    }
    long mine = want(false);
    if (!storedWithin(mine)) {
      want(true); // the resume may still land: the pause, written after it, is what stays
      throw ApiException.unavailable("trading stays paused: the database did not store the resume within "
          + WAIT.toSeconds() + " s (see /health); nothing was resumed, try again");
    }
    if (wish != mine) {
      return state(); // a pause came while this waited: it stands
    }
    paused = false;
    log.atInfo().setMessage("kill switch: trading resumed").log();
    return new TradingState(false, true);
  }

  private long want(boolean pausedWanted) {
    wanted = pausedWanted;
    wish++;
    if (writer == null) {
      writer = Thread.ofVirtual().name("kill-switch-writer").start(this::write);
    }
    return wish;
  }

  private boolean storedWithin(long mine) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (stored < mine) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stored >= mine;
    }
  }

  private void write() {
    boolean failedBefore = false;
    while (true) {
      long writing;
      boolean value;
      synchronized (this) {
        if (stored == wish) {
          writer = null;
          return;
        }
        writing = wish;
        value = wanted;
      }
      try {
        store.setTradingPaused(value, actor);
        synchronized (this) {
          stored = writing;
          notifyAll();
        }
        if (failedBefore) {
          log.atInfo().setMessage("kill switch: the database has stored it").addKeyValue("paused", value).log();
          failedBefore = false;
        }
      } catch (RuntimeException e) {
        if (!failedBefore) {
          log.atWarn().setMessage("kill switch: the database did not store it; trying again every second")
              .addKeyValue("paused", value).addKeyValue("reason", e.getMessage()).log();
        }
        failedBefore = true;
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException stop) {
          synchronized (this) {
            writer = null;
          }
          return;
        }
      }
    }
  }
}
