package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The forms an alert's {@code time} comes in: TradingView's, other ISO-8601 ones, epoch seconds and
 * milliseconds.
 */
class AlertTimeTest {

  private static Instant time(String text) {
    return new Alert(null, null, null, null, null, null, null, null, null, null, null, null, null, null, "id", text)
        .instant();
  }

  @Test
  void tradingview_time_is_utc_seconds() {
    assertThat(time("2026-11-21T10:15:00Z")).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
    assertThat(time("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
  }

  @Test
  void other_iso_forms_and_epoch_milliseconds_are_read_too() {
    assertThat(time("2026-11-21T10:15:00.250Z")).isEqualTo(Instant.parse("2026-11-21T10:15:00.250Z"));
    assertThat(time("2026-11-21T12:15:00+02:00")).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
    assertThat(time("1763720100000")).isEqualTo(Instant.ofEpochMilli(1763720100000L));
  }

  @Test
  void epoch_seconds_are_seconds_not_milliseconds_of_1970() {
    // Pine's timenow / 1000, or a Unix clock: 1763720100 s is 2025-11-21T10:15:00Z.
    assertThat(time("1763720100")).isEqualTo(Instant.parse("2025-11-21T10:15:00Z"));
    // 11 digits are still seconds (99999999999 s is in the year 5138); 12 are milliseconds (1973).
    assertThat(time("99999999999")).isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
    assertThat(time("100000000000")).isEqualTo(Instant.parse("1973-03-03T09:46:40Z"));
  }

  @Test
  void anything_else_is_no_time() {
    assertThat(time("2026-13-21T10:15:00Z")).isNull();
    assertThat(time("2026-02-30T10:15:00Z")).isNull();
    assertThat(time("yesterday")).isNull();
    assertThat(time("2026-11-21 10:15:00")).isNull();
  }
}
