package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The journal's listing shows a signal as soon as the bridge has answered it, before its row is in
 * the database: a refusal the background writer has not stored yet, and a signal still being
 * carried out (as PENDING) before its commit. A table lock held by the test keeps the writes back.
 */
class SignalListingTest {

  // No wait for the account: a signal whose commit is held back is answered PENDING at once.
  @RegisterExtension
  static final TestBridge bridge =
      new TestBridge(new WebhookSettings(Duration.ZERO, Duration.ofSeconds(10), List.of()));

  private static final String SECRET = "listing-0123456789abc";

  private static Http http;

  @BeforeAll
  static void start() {
    http = bridge.http();
    TradingFloor floor = bridge.floor();
    floor.strategy("listing", floor.account("HEDGING"), SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  @Test
  void a_refusal_is_listed_before_the_journal_has_written_it() throws SQLException {
    String id;
    try (TableLock held = TableLock.read(bridge.dsl(), "signals")) {
      Http.Response refused = http.post("/webhook/listing", "text/plain", SECRET + ",buy,NOSUCH,vol=0.1");
      assertThat(refused.status()).isEqualTo(422);
      id = refused.json().path("signal").asString();

      assertThat(listed("/api/signals?strategy=listing&status=rejected")).extracting(JsonNode::asString)
          .containsExactly(id);
      assertThat(stored(id)).isZero();
    }
    eventually(Duration.ofSeconds(5), () -> assertThat(stored(id)).isEqualTo(1));
    assertThat(listed("/api/signals?strategy=listing&status=rejected")).extracting(JsonNode::asString)
        .containsExactly(id);
  }

  @Test
  void a_signal_being_carried_out_is_listed_as_pending_until_its_commit() throws SQLException {
    String id;
    try (TableLock held = TableLock.read(bridge.dsl(), "trades")) {
      Http.Response answer = http.post("/webhook/listing", "text/plain", SECRET + ",buy,EURUSD,vol=0.1");
      assertThat(answer.json().path("status").asString()).isEqualTo("PENDING");
      id = answer.json().path("signal").asString();

      List<JsonNode> newest = page("/api/signals?strategy=listing&limit=1");
      assertThat(newest).hasSize(1);
      assertThat(newest.getFirst().path("id").asString()).isEqualTo(id);
      assertThat(newest.getFirst().path("status").asString()).isEqualTo("PENDING");
      assertThat(listed("/api/signals?status=pending")).extracting(JsonNode::asString).containsExactly(id);
      assertThat(stored(id)).isZero();
    }
    eventually(Duration.ofSeconds(5), () -> {
      List<JsonNode> executed = page("/api/signals?strategy=listing&status=executed");
      assertThat(executed).extracting(s -> s.path("id").asString()).containsExactly(id);
    });
    assertThat(listed("/api/signals?status=pending")).isEmpty();
    assertThat(stored(id)).isEqualTo(1);
  }

  private static List<JsonNode> page(String path) {
    Http.Response page = http.get(path);
    assertThat(page.status()).isEqualTo(200);
    return page.json().valueStream().toList();
  }

  private static List<JsonNode> listed(String path) {
    return page(path).stream().map(signal -> signal.path("id")).toList();
  }

  private static int stored(String id) {
    return bridge.dsl().fetchCount(bridge.dsl().selectOne().from("signals").where("id = ?", id));
  }
}
