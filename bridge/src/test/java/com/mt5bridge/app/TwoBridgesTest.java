package com.mt5bridge.app;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Two bridges on one database (a deploy that starts the new bridge before the old one stops, a copy
 * started by mistake): the one started last serves the accounts. The first stops trading them at its
 * next commit, of which nothing is kept, instead of both trading them from their own copies and
 * overwriting each other's rows.
 */
class TwoBridgesTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String TICK = "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}";

  @Test
  void the_bridge_started_last_serves_the_accounts_and_the_first_stops_trading_them() {
    try (RunningBridge first = RunningBridge.start(db.url())) {
      Http old = first.http();
      assertThat(old.post("/api/broker/create", Map.of("id", "shared", "balance", 10000)).status()).isEqualTo(201);
      assertThat(old.post("/api/broker/create", Map.of("id", "kept", "balance", 10000)).status()).isEqualTo(201);
      assertThat(old.post("/api/ticks", TICK).status()).isEqualTo(200);
      JsonNode before = old.post("/api/broker/shared/buy", Map.of("symbol", "EURUSD", "volume", 1)).json();
      assertThat(before.path("retcodeName").asString()).isEqualTo("DONE");

      RunningBridge second;
      List<String> startLog;
      try (CapturedLogs logs = CapturedLogs.withInfoOf(StoredAccounts.class)) {
        second = RunningBridge.start(db.url());
        startLog = logs.lines();
      }
      try (second) {
        Http now = second.http();

        Http.Response fenced = old.post("/api/broker/shared/buy", Map.of("symbol", "EURUSD", "volume", 2));
        Http.Response after = old.post("/api/broker/shared/sell", Map.of("symbol", "EURUSD", "volume", 3));

        // Refused, nothing of it kept: by the commit that found the account taken, or, if the first
        // bridge noticed the take-over before (it looks every 2 s), at once.
        assertThat(fenced.status()).as(fenced.toString()).isEqualTo(503);
        assertThat(fenced.json().path("error").path("message").asString())
            .contains("served by another bridge on this database");
        // From then on the first bridge does not trade it, and says which bridge does.
        assertThat(after.status()).isEqualTo(503);
        assertThat(after.json().path("error").path("message").asString())
            .startsWith("account shared is served by another bridge on this database (")
            .endsWith("), which took it over when it started; this bridge no longer trades it (restart this one to "
                + "take it back)");
        // An account that was not traded since is noticed all the same, within seconds.
        eventually(Duration.ofSeconds(10), () -> {
          JsonNode health = old.get("/health").json();
          assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
          assertThat(health.path("accountsNotLoaded").path("shared").asString()).contains("served by another bridge");
          assertThat(health.path("accountsNotLoaded").path("kept").asString()).contains("served by another bridge");
        });
        assertThat(old.get("/api/broker/all").json()).isEmpty();
        assertThat(old.get("/api/broker/kept/state").status()).isEqualTo(503);

        // The second serves the account as the first left it, its tickets where the first's committed ones end.
        JsonNode state = now.get("/api/broker/shared/state").json();
        assertThat(state.path("positions")).hasSize(1);
        assertThat(state.path("positions").get(0).path("ticket").asLong()).isEqualTo(before.path("position").asLong());
        assertThat(state.path("positions").get(0).path("volume").decimalValue()).isEqualByComparingTo("1");
        assertThat(now.post("/api/ticks", TICK).status()).isEqualTo(200);
        JsonNode next = now.post("/api/broker/shared/buy", Map.of("symbol", "EURUSD", "volume", 0.5)).json();
        assertThat(next.path("retcodeName").asString()).isEqualTo("DONE");
        assertThat(next.path("order").asLong()).isEqualTo(before.path("deal").asLong() + 1);
        assertThat(now.get("/api/broker/shared/trades").json()).hasSize(3); // the deposit and two buys
        assertThat(now.get("/api/broker/all").json()).hasSize(2);
        assertThat(now.get("/health").json().path("status").asString()).isEqualTo("UP");
        // Said once for all the accounts a start takes over, naming the bridge they came from.
        assertThat(startLog).filteredOn(line -> line.startsWith("accounts taken over from the bridges that served "
            + "them before")).singleElement().asString().matches(".* from=\\{.+ pid \\d+ run [0-9a-f]{8}=2}");
      }
    }
  }
}
