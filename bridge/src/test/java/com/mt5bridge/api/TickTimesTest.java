package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.SettableClock;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A tick's time moves the accounts' clocks, which never go back: one from the future is refused,
 * and one older than its symbol's newest price is not the price any more.
 */
class TickTimesTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  /** For a bridge on a clock of the test's own. */
  @RegisterExtension
  static final TestDatabase ownDb = new TestDatabase();

  @Test
  void a_tick_from_the_future_is_refused_and_changes_nothing() {
    Http http = bridge.http();
    // Swaps on the symbol, so that a jump of the clock past rollovers would show in the balance.
    assertThat(http.post("/api/broker/create", Map.of("id", "future", "balance", 10000, "symbols",
        List.of(Map.of("name", "GBPUSD", "swapLong", -7.5)))).status()).isEqualTo(201);
    // After the account's creation, which set its clock.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertThat(tick("GBPUSD", "1.27000", "1.27020", now).status()).isEqualTo(200);
    assertThat(http.post("/api/broker/future/buy", Map.of("symbol", "GBPUSD", "volume", 1)).status()).isEqualTo(200);

    Instant nextYear = now.plus(Duration.ofDays(365));
    Http.Response refused = tick("GBPUSD", "1.30000", "1.30020", nextYear);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("error").path("field").asString()).isEqualTo("time");
    // 365 days are 31,536,000 s; the bridge's clock has moved on by a moment since now was read.
    assertThat(refused.json().path("error").path("message").asString())
        .matches("time " + nextYear + " is 3153(599[0-9]|6000) s ahead of the bridge's clock: the accounts' clocks "
            + "would jump there for good, with every swap and day in between; send the tick's time in UTC \\(ISO-8601 "
            + "with Z\\), at most 60 s ahead");
    JsonNode state = http.get("/api/broker/future/state").json();
    assertThat(state.path("time").asString()).isEqualTo(now.toString());
    assertThat(state.path("balance").decimalValue()).isEqualByComparingTo("10000");
    JsonNode position = state.path("positions").get(0);
    assertThat(position.path("priceCurrent").decimalValue()).isEqualByComparingTo("1.27000");
    assertThat(position.path("swap").decimalValue()).isEqualByComparingTo("0");

    // A batch with one such tick is refused whole, named by its place.
    Http.Response batch = http.post("/api/ticks", List.of(
        Map.of("symbol", "GBPUSD", "bid", 1.27010, "ask", 1.27030, "time", now.plusSeconds(1).toString()),
        Map.of("symbol", "GBPUSD", "bid", 1.27010, "ask", 1.27030, "time", now.plusSeconds(3600).toString())));
    assertThat(batch.status()).isEqualTo(422);
    assertThat(batch.json().path("error").path("field").asString()).isEqualTo("[1].time");
    assertThat(http.get("/api/broker/future/state").json().path("positions").get(0).path("priceCurrent")
        .decimalValue()).isEqualByComparingTo("1.27000");

    // A feed's clock a little ahead is taken: 30 s is within the 60 s allowed.
    assertThat(tick("GBPUSD", "1.27050", "1.27070", now.plusSeconds(30)).json().path("accepted").asInt()).isEqualTo(1);
    assertThat(http.get("/api/broker/future/state").json().path("time").asString())
        .isEqualTo(now.plusSeconds(30).toString());
  }

  @Test
  void a_tick_older_than_its_symbols_newest_price_is_left_out_and_counted() {
    Http http = bridge.http();
    assertThat(http.post("/api/broker/create", Map.of("id", "late", "balance", 10000)).status()).isEqualTo(201);
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
    assertThat(tick("AUDUSD", "0.65000", "0.65020", t).status()).isEqualTo(200);
    assertThat(tick("AUDUSD", "0.65100", "0.65120", t.plusSeconds(2)).status()).isEqualTo(200);

    Http.Response late = tick("AUDUSD", "0.64000", "0.64020", t.plusSeconds(1));

    assertThat(late.status()).isEqualTo(200);
    assertThat(late.json().path("accepted").asInt()).isZero();
    assertThat(late.json().path("late").asInt()).isEqualTo(1);
    assertThat(late.json().path("message").asString()).contains("older than their symbol's newest price");
    // Bought at the newest ask, 0.65120, not at the late tick's 0.64020.
    JsonNode bought = http.post("/api/broker/late/buy", Map.of("symbol", "AUDUSD", "volume", 1)).json();
    assertThat(bought.path("price").decimalValue()).isEqualByComparingTo("0.65120");

    // In a batch, each tick against the newest before it: the second is older than the first, the
    // third as new as the first (the same millisecond is not late).
    Http.Response batch = http.post("/api/ticks", List.of(
        Map.of("symbol", "AUDUSD", "bid", 0.65200, "ask", 0.65220, "time", t.plusSeconds(4).toString()),
        Map.of("symbol", "AUDUSD", "bid", 0.60000, "ask", 0.60020, "time", t.plusSeconds(3).toString()),
        Map.of("symbol", "AUDUSD", "bid", 0.65300, "ask", 0.65320, "time", t.plusSeconds(4).toString())));
    assertThat(batch.json().path("accepted").asInt()).isEqualTo(2);
    assertThat(batch.json().path("late").asInt()).isEqualTo(1);
    // Long 1 lot bought at 0.65120, valued at the bid 0.65300: 0.00180 x 100,000 = 180.00.
    JsonNode position = http.get("/api/broker/late/state").json().path("positions").get(0);
    assertThat(position.path("priceCurrent").decimalValue()).isEqualByComparingTo("0.65300");
    assertThat(position.path("profit").decimalValue()).isEqualByComparingTo("180.00");
  }

  @Test
  void ticks_without_a_time_are_not_late_when_the_bridges_clock_steps_back() {
    SettableClock clock = new SettableClock();
    try (RunningBridge stepped = RunningBridge.start(ownDb.url(), clock)) {
      Http http = stepped.http();
      assertThat(http.post("/api/broker/create", Map.of("id", "stepped", "balance", 10000)).status()).isEqualTo(201);
      Http.Response first = http.post("/api/ticks", Map.of("symbol", "EURUSD", "bid", 1.10000, "ask", 1.10020));
      assertThat(first.json().path("accepted").asInt()).isEqualTo(1);
      String before = http.get("/api/broker/stepped/state").json().path("time").asString();

      // A time sync steps the clock a minute back: the feed's next tick is still its newest price.
      clock.advance(Duration.ofSeconds(-60));
      Http.Response next = http.post("/api/ticks", Map.of("symbol", "EURUSD", "bid", 1.10100, "ask", 1.10120));

      assertThat(next.json().path("accepted").asInt()).as(next.toString()).isEqualTo(1);
      assertThat(next.json().has("late")).isFalse();
      JsonNode bought = http.post("/api/broker/stepped/buy", Map.of("symbol", "EURUSD", "volume", 0.1)).json();
      assertThat(bought.path("price").decimalValue()).isEqualByComparingTo("1.10120");
      // It took the newest tick's time, so the account's clock stands where it was.
      assertThat(http.get("/api/broker/stepped/state").json().path("time").asString()).isEqualTo(before);
    }
  }

  @Test
  void ticks_left_out_are_told_to_the_operator_at_most_once_a_minute() {
    SettableClock clock = new SettableClock();
    try (RunningBridge feed = RunningBridge.start(ownDb.url(), clock); CapturedLogs logs = new CapturedLogs()) {
      Http http = feed.http();
      assertThat(http.post("/api/broker/create", Map.of("id", "told", "balance", 10000)).status()).isEqualTo(201);
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.27000, "ask", 1.27020, "time", now.toString()));

      Instant late = now.minusSeconds(5);
      http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.26000, "ask", 1.26020, "time", late.toString()));
      http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.26000, "ask", 1.26020, "time", late.toString()));
      Instant ahead = now.plusSeconds(3600);
      assertThat(http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.26000, "ask", 1.26020,
          "time", ahead.toString())).status()).isEqualTo(422);

      // The first at once; the next two within the minute are counted, not logged.
      assertThat(leftOutLines(logs)).singleElement().asString()
          .contains("late=1", "ahead=0", "symbol=GBPUSD", "time=" + late);
      clock.advance(Duration.ofSeconds(61));
      http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.26000, "ask", 1.26020, "time", late.toString()));
      assertThat(leftOutLines(logs)).hasSize(2).last().asString().contains("late=2", "ahead=1");
    }
  }

  private static List<String> leftOutLines(CapturedLogs logs) {
    return logs.lines().stream().filter(line -> line.startsWith("ticks left out")).toList();
  }

  private static Http.Response tick(String symbol, String bid, String ask, Instant time) {
    return bridge.http().post("/api/ticks", "{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":" + ask
        + ",\"time\":\"" + time + "\"}");
  }
}
