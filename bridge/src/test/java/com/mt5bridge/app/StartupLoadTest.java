package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import com.mt5bridge.webhook.WebhookSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-up loads the accounts in id order and, when one cannot be loaded, tries the whole load again
 * every 2 s, saying why on /health and in every 503 meanwhile. An account loaded by an earlier attempt
 * must not be loaded twice: a second copy of it would run beside the first, both trading and committing
 * the same account on every tick.
 */
class StartupLoadTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  @Test
  void an_account_loaded_before_a_failed_attempt_is_not_loaded_again() throws Exception {
    try (RunningBridge first = RunningBridge.start(db.url())) {
      assertThat(first.http().post("/api/broker/create", Map.of("id", "aaa-loaded", "balance", 1000)).status())
          .isEqualTo(201);
      assertThat(first.http().post("/api/broker/create", Map.of("id", "zzz-broken", "balance", 1000)).status())
          .isEqualTo(201);
    }
    // The second account cannot be loaded for now (a spec no account may have), the first one can.
    db.dsl().execute("UPDATE symbols SET digits = 11 WHERE account_id = 'zzz-broken' AND name = 'EURUSD'");

    try (Bridge bridge = start()) {
      assertThat(bridge.awaitReady(Duration.ofSeconds(3))).isFalse(); // at least one attempt failed
      Http http = new Http(bridge.port(), RunningBridge.TOKEN);
      Http.Response health = http.get("/health");
      Http.Response trade = http.get("/api/broker/aaa-loaded/state");
      db.dsl().execute("UPDATE symbols SET digits = 5 WHERE account_id = 'zzz-broken' AND name = 'EURUSD'");
      assertThat(bridge.awaitReady(Duration.ofSeconds(30))).isTrue();

      // While it could not finish, health said so, and why (it said UP, with every trade a 503 "waiting
      // for the database" that was there all along).
      String why = "the bridge is starting: account zzz-broken could not be loaded: digits must be from 0 to 10";
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
      assertThat(health.json().path("ready").asBoolean()).isFalse();
      assertThat(health.json().path("database").asString()).isEqualTo("UP");
      assertThat(health.json().path("error").path("message").asString()).isEqualTo(why);
      assertThat(trade.status()).isEqualTo(503);
      assertThat(trade.json().path("error").path("message").asString()).isEqualTo(why);

      assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("account-aaa-loaded"))
          .count()).as("threads running account aaa-loaded").isEqualTo(1);
      assertThat(http.get("/api/broker/zzz-broken/state").status()).isEqualTo(200);
      assertThat(http.get("/health").json().path("ready").asBoolean()).isTrue();
      assertThat(http.get("/health").json().path("status").asString()).isEqualTo("UP");
    }
  }

  private static Bridge start() {
    Settings settings = new Settings("127.0.0.1", 0, RunningBridge.dataDir(),
        new DatabaseSettings.External(db.url(), "root", "", 4), Optional.of(RunningBridge.TOKEN), true, 1,
        WebhookSettings.DEFAULT);
    return Bridge.start(settings, InstantSource.system(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
