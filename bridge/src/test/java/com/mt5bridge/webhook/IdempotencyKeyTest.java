package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An identified alert's key: its time in front, so that the journal's unique index grows at its end
 * instead of taking inserts all over (which cost disk reads once it outgrew the buffer pool).
 */
class IdempotencyKeyTest {

  private static String key(String id, String time) {
    Alert alert =
        new Alert(null, null, null, null, null, null, null, null, null, null, null, null, null, null, id, time);
    return Signals.idempotencyKey(alert, alert.instant());
  }

  @Test
  void the_key_is_the_alert_time_in_epoch_milliseconds_then_the_sha256_of_id_and_time() {
    // 2026-11-21T19:20:48Z = 1,795,288,848,000 ms = 0x000001a1ff8dd680;
    // SHA-256("Long Entry 7\n2026-11-21T19:20:48Z") worked out with sha256sum
    assertThat(key("Long Entry 7", "2026-11-21T19:20:48Z"))
        .isEqualTo("000001a1ff8dd680" + "2b6196ec3980a334c22fbd98f800af3a462afd4f084e6069b009bb81b219d9dc");
  }

  @Test
  void later_alerts_sort_after_earlier_ones_whatever_their_ids() {
    String early = key("zzz", "2026-11-21T19:20:48Z");
    String later = key("aaa", "2026-11-21T19:20:49Z");

    assertThat(later).isGreaterThan(early);
    assertThat(key("zzz", "2026-11-21T19:20:48Z")).as("the same alert, the same key").isEqualTo(early);
  }

  @Test
  void an_epoch_time_goes_in_front_as_the_number_it_is() {
    // As keys were made before epoch seconds were read as seconds, so that an alert sent again
    // across that upgrade keeps its key: 1763720100 = 0x69203ba4, 1763720100000 = 0x19aa5e8f8a0.
    assertThat(key("id-1", "1763720100")).startsWith("0000000069203ba4");
    assertThat(key("id-1", "1763720100000")).startsWith("0000019aa5e8f8a0");
  }

  @Test
  void a_time_that_is_no_timestamp_gets_zeros_in_front() {
    assertThat(key("id-1", "bar 42")).startsWith("0000000000000000").hasSize(80);
    assertThat(key("id-1", "bar 42")).isNotEqualTo(key("id-2", "bar 42"));
  }
}
