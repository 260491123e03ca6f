package com.mt5bridge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

  @Test
  void a_time_window_holds_from_its_start_up_to_but_not_including_its_end() {
    SignalQuery window = new SignalQuery(null, null, null, T, T.plusSeconds(60), null, 10);
    SignalQuery since = new SignalQuery(null, null, null, T, null, null, 10);

    assertThat(window.matches(signal("a", T.minusMillis(1), "s", "acc", SignalStatus.EXECUTED))).isFalse();
    assertThat(window.matches(signal("b", T, "s", "acc", SignalStatus.EXECUTED))).isTrue();
    assertThat(window.matches(signal("c", T.plusSeconds(60).minusMillis(1), "s", "acc", SignalStatus.EXECUTED)))
        .isTrue();
    assertThat(window.matches(signal("d", T.plusSeconds(60), "s", "acc", SignalStatus.EXECUTED))).isFalse();
    assertThat(since.matches(signal("e", T.plusSeconds(86_400), "s", "acc", SignalStatus.EXECUTED))).isTrue();
  }

  @Test
  void a_page_takes_in_the_signals_held_in_memory_that_match_and_the_stored_copy_wins() {
    SignalQuery query = new SignalQuery("trend", null, null, new SignalQuery.Cursor(T, "m"), 3);
    // Storage answered its page: d (T - 1 ms) and b (T - 3 ms).
    SignalRecord storedD = signal("d", T.minusMillis(1), "trend", "acc", SignalStatus.EXECUTED);
    SignalRecord storedB = signal("b", T.minusMillis(3), "trend", "acc", SignalStatus.EXECUTED);
    List<SignalRecord> held = List.of(
        signal("d", T.minusMillis(1), "trend", "acc", SignalStatus.PENDING), // stored already: stored copy kept
        signal("c", T.minusMillis(2), "trend", "acc", SignalStatus.REJECTED), // between d and b
        signal("x", T.minusMillis(2), "other", "acc", SignalStatus.REJECTED), // another strategy
        signal("n", T, "trend", "acc", SignalStatus.REJECTED), // the cursor's millisecond, id after "m"
        signal("a", T.minusMillis(4), "trend", "acc", SignalStatus.REJECTED)); // older than the 3 the page holds

    List<SignalRecord> page = query.page(List.of(storedD, storedB), held);

    assertThat(page).extracting(SignalRecord::id).containsExactly("d", "c", "b");
    assertThat(page.getFirst()).isSameAs(storedD);
    assertThat(query.page(List.of(storedD), List.of())).containsExactly(storedD);
  }

  private static SignalRecord signal(String id, Instant received, String strategy, String account,
      SignalStatus status) {
    return new SignalRecord(id, strategy, account, null, null, status, "buy", "EURUSD", "127.0.0.1", "text/plain",
        "***,buy,EURUSD", null, "[]", null, null, received, received);
  }
}
