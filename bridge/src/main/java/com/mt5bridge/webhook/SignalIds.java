package com.mt5bridge.webhook;

import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signal ids: UUIDv7 (RFC 9562), time-ordered so that the journal's primary key grows at its end
 * instead of splitting pages at random.
 */
final class SignalIds {

  private final InstantSource clock;

  SignalIds(InstantSource clock) {
    this.clock = clock;
  }

  String next() {
    long millis = clock.millis();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
