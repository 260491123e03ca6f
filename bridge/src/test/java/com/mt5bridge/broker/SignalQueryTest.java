package com.mt5bridge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which signals a page of the journal holds: the filters, and the cursor's order by receipt, then id. */
class SignalQueryTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00.123Z");

  @Test
  void a_cursor_keeps_what_was_received_before_it_and_breaks_a_tie_in_time_by_the_id() {
    SignalQuery afterB = new SignalQuery(null, null, null, new SignalQuery.Cursor(T, "b"), 10);

    assertThat(afterB.matches(signal("z", T.minusMillis(1), "s", "acc", SignalStatus.EXECUTED))).isTrue();
    assertThat(afterB.matches(signal("a", T, "s", "acc", SignalStatus.EXECUTED))).isTrue();
    assertThat(afterB.matches(signal("b", T, "s", "acc", SignalStatus.EXECUTED))).isFalse();
    assertThat(afterB.matches(signal("c", T, "s", "acc", SignalStatus.EXECUTED))).isFalse();
    assertThat(afterB.matches(signal("a", T.plusMillis(1), "s", "acc", SignalStatus.EXECUTED))).isFalse();
  }

  @Test
  void every_filter_given_must_match_and_a_null_one_matches_all() {
    SignalRecord signal = signal("a", T, "trend", "sim-eu", SignalStatus.REJECTED);

    assertThat(new SignalQuery(null, null, null, null, 10).matches(signal)).isTrue();
    assertThat(new SignalQuery("trend", "sim-eu", SignalStatus.REJECTED, null, 10).matches(signal)).isTrue();
    assertThat(new SignalQuery("other", null, null, null, 10).matches(signal)).isFalse();
    assertThat(new SignalQuery(null, "sim-us", null, null, 10).matches(signal)).isFalse();
    assertThat(new SignalQuery(null, null, SignalStatus.EXECUTED, null, 10).matches(signal)).isFalse();
  }

  private static SignalRecord signal(String id, Instant received, String strategy, String account,
      SignalStatus status) {
    return new SignalRecord(id, strategy, account, null, null, status, "buy", "EURUSD", "127.0.0.1", "text/plain",
        "***,buy,EURUSD", null, "[]", null, received, received);
  }
}
