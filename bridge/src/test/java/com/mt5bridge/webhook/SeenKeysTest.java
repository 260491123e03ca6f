package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact memory of idempotency keys: never forgets within its coverage, rarely imagines. */
class SeenKeysTest {

  private final SettableClock clock = new SettableClock();

  @Test
  void every_added_key_is_seen_and_few_others_are() {
    SeenKeys seen = new SeenKeys(clock.instant());
    SplittableRandom random = new SplittableRandom(7);
    long[][] keys = new long[200_000][2];
    for (long[] key : keys) {
      key[0] = random.nextLong();
      key[1] = random.nextLong() | 1;
      seen.add(key[0], key[1], clock.instant());
    }

    for (long[] key : keys) {
      assertThat(seen.mightContain(key[0], key[1])).isTrue();
    }
    int falseAlarms = 0;
    for (int i = 0; i < 200_000; i++) {
      if (seen.mightContain(random.nextLong(), random.nextLong() | 1)) {
        falseAlarms++;
      }
    }
    // 2^25 bits, 7 probes, 200,000 keys: about 1 in 10 million; allow a handful.
    assertThat(falseAlarms).isLessThan(5);
  }

  @Test
  void after_two_hours_the_oldest_keys_go_and_coverage_moves_up() {
    Instant start = clock.instant();
    SeenKeys seen = new SeenKeys(start);
    long[] first = key(1);
    seen.add(first[0], first[1], clock.instant());
    clock.advance(Duration.ofMinutes(61));
    Instant secondGeneration = clock.instant();
    long[] second = key(2);
    seen.add(second[0], second[1], clock.instant()); // the first generation retires, and is still held
    assertThat(seen.coveredSince()).isEqualTo(start);
    assertThat(seen.mightContain(first[0], first[1])).isTrue();

    clock.advance(Duration.ofMinutes(61));
    long[] third = key(3);
    seen.add(third[0], third[1], clock.instant()); // the second retires; the first is dropped

    assertThat(seen.coveredSince()).isAfterOrEqualTo(secondGeneration);
    assertThat(seen.mightContain(first[0], first[1])).isFalse();
    assertThat(seen.mightContain(second[0], second[1])).isTrue();
    assertThat(seen.mightContain(third[0], third[1])).isTrue();
  }

  @Test
  void before_any_retirement_coverage_is_the_start() {
    Instant start = clock.instant();
    SeenKeys seen = new SeenKeys(start);
    clock.advance(Duration.ofMinutes(30));
    long[] key = key(4);
    seen.add(key[0], key[1], clock.instant());

    assertThat(seen.coveredSince()).isEqualTo(start);
    assertThat(seen.mightContain(key[0], key[1])).isTrue();
  }

  /** A key as the guard makes them: halves of a SHA-256, uniform over 64 bits. */
  private static long[] key(int seed) {
    SplittableRandom random = new SplittableRandom(seed * 7919L);
    return new long[] {random.nextLong(), random.nextLong() | 1};
  }
}
