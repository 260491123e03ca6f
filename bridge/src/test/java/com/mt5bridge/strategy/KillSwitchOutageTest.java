package com.mt5bridge.strategy;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.OwnedMariaDb;
import com.mt5bridge.testing.RunningBridge;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The kill switch when the database is away: an emergency stop cannot wait for it. A pause takes
 * effect at once and is stored when the database returns; a resume waits to be stored, and one the
 * database did not take leaves trading paused, now and after a restart.
 */
class KillSwitchOutageTest {

  private static final String SECRET = "kill-switch-0123456789";
  private static final String ENTRY = SECRET + ",buy,EURUSD,vol=0.1";

  @Test
  void a_pause_takes_effect_while_the_database_is_away_and_is_stored_when_it_returns() {
    try (OwnedMariaDb mariadb = new OwnedMariaDb()) {
      String url = mariadb.jdbcUrl("bridge");
      try (RunningBridge bridge = RunningBridge.start(url)) {
        Http http = bridge.http();
        assertThat(http.post("/api/broker/create", Map.of("id", "kill", "balance", 10000)).status()).isEqualTo(201);
        assertThat(http.post("/api/strategies", Map.of("id", "kill", "account", "kill", "secret", SECRET, "magic", 5))
            .status()).isEqualTo(201);
        assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}").status())
            .isEqualTo(200);

        mariadb.stop();
        eventually(Duration.ofSeconds(10), () -> assertThat(http.get("/health").json().path("database").asString())
            .isEqualTo("DOWN"));
        Http.Response paused = http.post("/api/pause", "");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().path("paused").asBoolean()).isTrue();
        assertThat(paused.json().path("stored").asBoolean()).isFalse();
        assertThat(paused.json().path("message").asString()).contains("a restart before it does would trade again");
        assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("PAUSED_NOT_STORED");
        // In effect already: the webhook is refused by the kill switch, not by the database's absence.
        Http.Response entry = http.post("/webhook/kill", "text/plain", ENTRY);
        assertThat(entry.status()).as(entry.toString()).isEqualTo(403);
        assertThat(entry.json().path("error").path("message").asString()).contains("kill switch");

        Http.Response resumed = http.post("/api/resume", "");
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(503);
        assertThat(resumed.json().path("error").path("message").asString()).startsWith("trading stays paused");
        assertThat(http.post("/webhook/kill", "text/plain", ENTRY).status()).isEqualTo(403);

        mariadb.start();
        eventually(Duration.ofSeconds(20), () -> {
          JsonNode trading = http.get("/api/trading").json();
          assertThat(trading.path("stored").asBoolean()).isTrue();
          assertThat(trading.path("paused").asBoolean()).isTrue();
          assertThat(trading.has("message")).isFalse();
          assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("PAUSED");
        });
      }
      // Stored: the pause, not the resume the database never confirmed, which was written before it.
      try (RunningBridge again = RunningBridge.start(url)) {
        Http http = again.http();
        JsonNode trading = http.get("/api/trading").json();
        assertThat(trading.path("paused").asBoolean()).isTrue();
        assertThat(trading.path("stored").asBoolean()).isTrue();
        assertThat(http.post("/webhook/kill", "text/plain", ENTRY).status()).isEqualTo(403);

        Http.Response resumed = http.post("/api/resume", "");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("paused").asBoolean()).isFalse();
        assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}").status())
            .isEqualTo(200);
        assertThat(http.post("/webhook/kill", "text/plain", ENTRY).json().path("status").asString())
            .isEqualTo("EXECUTED");
      }
    }
  }
}
