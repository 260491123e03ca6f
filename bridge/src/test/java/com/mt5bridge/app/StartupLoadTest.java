package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An account the database holds but start-up cannot load (a row this version refuses) does not hold
 * the others back: they trade, /health names it (DEGRADED), every request to it and every question
 * about what it holds answers 503 with why, and once its row is mended it is loaded within seconds,
 * without a restart. No account is ever loaded twice.
 */
class StartupLoadTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String SECRET = "zzz-secret-0123456789";
  private static final String WHY = "account zzz-broken could not be loaded: digits must be from 0 to 10";

  @Test
  void an_account_that_cannot_be_loaded_is_held_apart_and_loaded_once_mended() throws Exception {
    try (RunningBridge first = RunningBridge.start(db.url())) {
      Http http = first.http();
      assertThat(http.post("/api/broker/create", Map.of("id", "aaa-loaded", "balance", 1000)).status()).isEqualTo(201);
      assertThat(http.post("/api/broker/create", Map.of("id", "zzz-broken", "balance", 1000)).status()).isEqualTo(201);
      assertThat(http.post("/api/strategies", Map.of("id", "zzz-s", "account", "zzz-broken", "secret", SECRET))
          .status()).isEqualTo(201);
      assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}").status())
          .isEqualTo(200);
      assertThat(http.post("/webhook/zzz-s", "application/json", alert("before")).status()).isEqualTo(200);
    }
    // A spec no account may have, as an older version's row or a hand edit could leave it.
    db.dsl().execute("UPDATE symbols SET digits = 11 WHERE account_id = 'zzz-broken' AND name = 'EURUSD'");

    try (Bridge bridge = start()) {
      assertThat(bridge.awaitReady(Duration.ofSeconds(30))).isTrue();
      Http http = new Http(bridge.port(), RunningBridge.TOKEN);

      JsonNode health = http.get("/health").json();
      assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
      assertThat(health.path("ready").asBoolean()).isTrue();
      assertThat(health.path("accountsNotLoaded").path("zzz-broken").asString())
          .isEqualTo("digits must be from 0 to 10");
      // The other account trades, on the feed's prices since the start.
      assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10100,\"ask\":1.10120}").status())
          .isEqualTo(200);
      assertThat(http.post("/api/broker/aaa-loaded/buy", Map.of("symbol", "EURUSD", "volume", 0.1)).status())
          .isEqualTo(200);
      assertThat(http.get("/api/broker/all").json().valueStream().map(a -> a.path("id").asString()).toList())
          .containsExactly("aaa-loaded");
      // The one held apart says why, to a trade, to a signal, and to a change that must know what it holds.
      Http.Response state = http.get("/api/broker/zzz-broken/state");
      Http.Response signal = http.post("/webhook/zzz-s", "application/json", alert("during"));
      Http.Response deletion = http.delete("/api/strategies/zzz-s");
      assertThat(state.status()).isEqualTo(503);
      assertThat(state.json().path("error").path("message").asString()).startsWith(WHY);
      assertThat(signal.status()).isEqualTo(503);
      assertThat(signal.json().path("error").path("message").asString()).startsWith(WHY);
      assertThat(signal.json().path("signal").asString()).isNotBlank();
      // Its strategy holds a position there: deleting it now would leave the position to nobody.
      assertThat(deletion.status()).as(deletion.toString()).isEqualTo(503);
      assertThat(http.get("/api/strategies/zzz-s").status()).isEqualTo(200);
      // The views across accounts cover the others and say which one they leave out, and why.
      JsonNode positions = http.get("/api/consolidated/positions").json();
      assertThat(positions.path("total").asInt()).isEqualTo(1);
      assertThat(positions.path("positions").get(0).path("account").asString()).isEqualTo("aaa-loaded");
      assertThat(positions.path("accountsLeftOut").path("zzz-broken").asString())
          .isEqualTo("digits must be from 0 to 10");
      JsonNode pnl = http.get("/api/consolidated/pnl?currency=USD").json();
      // 0.1 lot bought at the ask 1.10120, valued at the bid 1.10100: -0.0002 x 10,000 = -2.00 USD
      assertThat(pnl.path("unrealizedPnl").decimalValue()).isEqualByComparingTo("-2.00");
      assertThat(pnl.path("accountsLeftOut").path("zzz-broken").asString()).isEqualTo("digits must be from 0 to 10");

      db.dsl().execute("UPDATE symbols SET digits = 5 WHERE account_id = 'zzz-broken' AND name = 'EURUSD'");
      Instant deadline = Instant.now().plusSeconds(20);
      while (http.get("/api/broker/zzz-broken/state").status() != 200 && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }

      assertThat(http.get("/api/broker/zzz-broken/state").json().path("positions")).hasSize(1);
      assertThat(http.get("/health").json().path("status").asString()).isEqualTo("UP");
      assertThat(http.get("/health").json().has("accountsNotLoaded")).isFalse();
      assertThat(http.get("/api/consolidated/pnl?currency=USD").json().has("accountsLeftOut")).isFalse();
      // Loaded after the feed's last tick, it took that tick's price (its own stored one is older and is
      // not dealt at): it trades without waiting for the next.
      Http.Response after = http.post("/webhook/zzz-s", "application/json", alert("after"));
      assertThat(after.json().path("status").asString()).as(after.toString()).isEqualTo("EXECUTED");
      assertThat(after.json().path("results").get(0).path("price").decimalValue()).isEqualByComparingTo("1.10120");
      assertThat(http.get("/api/broker/zzz-broken/state").json().path("positions")).hasSize(2);
      for (String account : new String[] {"aaa-loaded", "zzz-broken"}) {
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("account-" + account))
            .count()).as("threads running account %s", account).isEqualTo(1);
      }
    }
  }

  private static String alert(String id) {
    return "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.1,\"id\":\"" + id
        + "\",\"time\":\"2026-11-22T06:00:00Z\"}";
  }

  private static Bridge start() {
    return RunningBridge.launch(db.url());
  }

}
