package com.mt5bridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The idempotency keys received lately, in a few megabytes whatever the rate: a Bloom filter per
 * generation, two generations, the older dropped when the newer fills up or turns an hour old.
 * "Not seen" is certain for every key added since {@link #coveredSince()}; "maybe seen" (a repeat,
 * or about one time in two thousand a false alarm) sends the caller to the journal.
 */
final class SeenKeys {

  /** Keys per generation before it is retired; at 2^25 bits and 7 probes, 1 false alarm in ~2,000. */
  static final int CAPACITY = 2_000_000;
  private static final int BITS_LOG2 = 25;
  private static final int PROBES = 7;
  private static final Duration MAX_AGE = Duration.ofHours(1);

  private static final class Generation {
    final AtomicLongArray words = new AtomicLongArray(1 << (BITS_LOG2 - 6));
    final AtomicInteger keys = new AtomicInteger();
    final Instant since;

    Generation(Instant since) {
      this.since = since;
    }

    boolean contains(long h1, long h2) {
      for (int i = 0; i < PROBES; i++) {
        int bit = bit(h1, h2, i);
        if ((words.get(bit >>> 6) & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }

    void add(long h1, long h2) {
      for (int i = 0; i < PROBES; i++) {
        int bit = bit(h1, h2, i);
        long mask = 1L << bit;
        int word = bit >>> 6;
        long old;
        do {
          old = words.get(word);
        } while ((old & mask) == 0 && !words.compareAndSet(word, old, old | mask));
      }
      keys.incrementAndGet();
    }

    private static int bit(long h1, long h2, int i) {
      return (int) ((h1 + i * h2) >>> (64 - BITS_LOG2));
    }
  }

  private volatile Generation current;
  private volatile Generation previous;
  private volatile Instant coveredSince;

  /** @param coveredSince every key received since then will be {@link #add added} */
  SeenKeys(Instant coveredSince) {
    this.current = new Generation(coveredSince);
    this.coveredSince = coveredSince;
  }

  boolean mightContain(long h1, long h2) {
    Generation older = previous;
    return current.contains(h1, h2) || (older != null && older.contains(h1, h2));
  }

  /** @param now when the key arrived: the caller's clock reading, so that a key costs no second one */
  void add(long h1, long h2, Instant now) {
    Generation generation = current;
    if (generation.keys.get() >= CAPACITY || generation.since.plus(MAX_AGE).isBefore(now)) {
      // Retire first: a key then always lands in a generation that began before it arrived.
      retire(generation, now);
      generation = current;
    }
    generation.add(h1, h2);
  }

  /** Since when every added key is still held. */
  Instant coveredSince() {
    return coveredSince;
  }

  private synchronized void retire(Generation full, Instant now) {
    if (current != full) {
      return;
    }
    Generation dropped = previous;
    previous = full;
    current = new Generation(now);
    if (dropped != null) {
      coveredSince = full.since;
    }
  }
}
