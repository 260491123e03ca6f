package com.mt5bridge.api;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The database answers but takes no writes (here a table lock, as a backup or a long ALTER TABLE
 * would hold): every signal would be PENDING. Health says so, DEGRADED with the journal STALLED, and
 * is UP again by itself once the commits go through.
 */
class JournalStallTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "stall-0123456789abcdef";

  @Test
  void a_commit_held_back_past_the_limit_makes_health_degraded_until_it_lands() throws SQLException {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.strategy("stall", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    assertThat(health(http).path("journal").asString()).isEqualTo("UP");

    String id;
    try (TableLock held = TableLock.read(bridge.dsl(), "trades")) {
      Http.Response answer = http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1");
      assertThat(answer.json().path("status").asString()).isEqualTo("PENDING");
      id = answer.json().path("signal").asString();
      // Not before the limit: a slow commit is not a stall.
      JsonNode early = health(http);
      assertThat(early.path("status").asString()).isEqualTo("UP");

      // Two more behind it: the operator sees how many wait.
      http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,comment=second");
      http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,comment=third");

      eventually(HealthHandler.STALL.plusSeconds(5), () -> {
        JsonNode stalled = health(http);
        assertThat(stalled.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(stalled.path("journal").asString()).isEqualTo("STALLED");
        assertThat(stalled.path("database").asString()).isEqualTo("UP");
        assertThat(stalled.path("signalsPending").asLong()).isEqualTo(3);
      });
    }
    eventually(Duration.ofSeconds(5), () -> {
      JsonNode again = health(http);
      assertThat(again.path("status").asString()).isEqualTo("UP");
      assertThat(again.path("journal").asString()).isEqualTo("UP");
      assertThat(again.path("signalsPending").asLong()).isZero();
    });
    assertThat(http.get("/api/signals/" + id).json().path("status").asString()).isEqualTo("EXECUTED");
  }

  private static JsonNode health(Http http) {
    Http.Response response = http.get("/health");
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }
}
