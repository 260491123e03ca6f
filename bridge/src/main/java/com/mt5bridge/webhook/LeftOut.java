package com.mt5bridge.webhook;

import java.time.Instant;

/** How many of something were left out since when, until whoever reports them takes the count. */
final class LeftOut {

  /** What was left out: how many, from when. */
  record Count(long count, Instant since) {}

  private long count;
  private Instant since;

  synchronized void add(Instant at) {
    if (count++ == 0) {
      since = at;
    }
  }

  /** The count so far, and a fresh start; null when nothing was left out. */
  synchronized Count take() {
    if (count == 0) {
      return null;
    }
    Count taken = new Count(count, since);
    count = 0;
    since = null;
    return taken;
  }
}
