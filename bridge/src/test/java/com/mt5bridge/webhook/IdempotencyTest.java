package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.SettableClock;
import com.mt5bridge.testing.TestDatabase;
import com.mt5bridge.testing.TradingFloor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A repeated alert (same id and time, or the same body within the 10 s window) answers DUPLICATE
 * with the first result and never trades twice: not when repeated, not when delivered at once, not
 * after a restart.
 */
class IdempotencyTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String SECRET = "idem-potent-0123456789";

  private final SettableClock clock = new SettableClock();
  private RunningBridge bridge;
  private Http http;
  private TradingFloor floor;
  private String strategy;
  private String account;

  @BeforeEach
  void start() {
    bridge = RunningBridge.start(db.url(), clock,
        new WebhookSettings(Duration.ofMillis(2500), Duration.ofSeconds(10), List.of()));
    http = bridge.http();
    floor = new TradingFloor(http);
    strategy = "idem-" + UUID.randomUUID().toString().substring(0, 8);
    account = floor.account("HEDGING");
    floor.strategy(strategy, account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  private String order(String id, String time) {
    return "{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\","
        + "\"id\":\"" + id + "\",\"time\":\"" + time + "\"}";
  }

  private Http.Response post(String body) {
    return http.post("/webhook", "application/json", body);
  }

  private int positions() {
    return floor.state(account).path("positions").size();
  }

  @Test
  void the_same_id_and_time_again_answers_duplicate_with_the_first_result() {
    Http.Response first = post(order("Long Entry", "2026-11-21T10:15:00Z"));
    Http.Response again = post(order("Long Entry", "2026-11-21T10:15:00Z"));

    assertThat(first.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("status").asString()).isEqualTo("DUPLICATE");
    assertThat(again.json().path("signal").asString()).isEqualTo(first.json().path("signal").asString());
    assertThat(again.json().path("results")).isEqualTo(first.json().path("results"));
    assertThat(positions()).isEqualTo(1);
  }

  @Test
  void the_same_id_at_another_time_is_a_new_order() {
    post(order("Long Entry", "2026-11-21T10:15:00Z"));
    Http.Response next = post(order("Long Entry", "2026-11-21T10:30:00Z"));

    assertThat(next.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(positions()).isEqualTo(2);
  }

  @Test
  void concurrent_deliveries_of_one_alert_trade_once() throws Exception {
    int deliveries = 16;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Http.Response>> answers = new ArrayList<>();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < deliveries; i++) {
        answers.add(senders.submit(() -> {
          go.await();
          return post(order("Burst", "2026-11-21T11:00:00Z"));
        }));
      }
      go.countDown();
    }
    List<JsonNode> bodies = new ArrayList<>();
    for (Future<Http.Response> answer : answers) {
      bodies.add(answer.get().json());
    }

    assertThat(bodies).filteredOn(b -> b.path("status").asString().equals("EXECUTED")).hasSize(1);
    assertThat(bodies).filteredOn(b -> b.path("status").asString().equals("DUPLICATE")).hasSize(deliveries - 1);
    assertThat(bodies.stream().map(b -> b.path("signal").asString()).distinct()).hasSize(1);
    assertThat(positions()).isEqualTo(1);
  }

  @Test
  void the_same_body_without_an_id_is_a_duplicate_only_within_the_window() {
    String body = "{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy
        + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\"}";

    Http.Response first = post(body);
    clock.advance(Duration.ofSeconds(9));
    Http.Response within = post(body);
    clock.advance(Duration.ofSeconds(2));
    Http.Response after = post(body);

    assertThat(first.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(within.json().path("status").asString()).isEqualTo("DUPLICATE");
    assertThat(after.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(positions()).isEqualTo(2);
  }

  @Test
  void an_alert_refused_before_trading_can_be_sent_again() {
    http.post("/api/strategies/" + strategy + "/pause", "");
    Http.Response refused = post(order("Retry", "2026-11-21T12:00:00Z"));
    http.post("/api/strategies/" + strategy + "/resume", "");

    Http.Response retried = post(order("Retry", "2026-11-21T12:00:00Z"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(retried.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(positions()).isEqualTo(1);
  }

  @Test
  void after_a_restart_a_repeat_is_still_a_duplicate() {
    Http.Response first = post(order("Before restart", "2026-11-21T13:00:00Z"));
    String body = "{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy
        + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"comment\":\"no id\"}";
    Http.Response unidentified = post(body);
    bridge.close();
    bridge = RunningBridge.start(db.url(), clock,
        new WebhookSettings(Duration.ofMillis(2500), Duration.ofSeconds(10), List.of()));
    http = bridge.http();
    floor = new TradingFloor(http);

    Http.Response again = post(order("Before restart", "2026-11-21T13:00:00Z"));
    Http.Response bodyAgain = post(body);

    assertThat(again.json().path("status").asString()).as(again.toString()).isEqualTo("DUPLICATE");
    assertThat(again.json().path("signal").asString()).isEqualTo(first.json().path("signal").asString());
    assertThat(again.json().path("results")).isEqualTo(first.json().path("results"));
    assertThat(bodyAgain.json().path("status").asString()).isEqualTo("DUPLICATE");
    assertThat(bodyAgain.json().path("signal").asString()).isEqualTo(unidentified.json().path("signal").asString());
    assertThat(positions()).isEqualTo(2);
  }

  @Test
  void a_duplicate_is_journaled_pointing_at_the_first() {
    Http.Response first = post(order("Journal", "2026-11-21T14:00:00Z"));
    post(order("Journal", "2026-11-21T14:00:00Z"));

    com.mt5bridge.testing.Eventually.eventually(Duration.ofSeconds(5), () -> {
      List<JsonNode> journal = http.get("/api/signals?strategy=" + strategy).json().valueStream().toList();
      assertThat(journal).hasSize(2);
      assertThat(journal.getFirst().path("status").asString()).isEqualTo("DUPLICATE");
      assertThat(journal.getFirst().path("duplicateOf").asString()).isEqualTo(first.json().path("signal").asString());
      assertThat(journal.get(1).path("status").asString()).isEqualTo("EXECUTED");
    });
  }
}
