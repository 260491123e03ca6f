package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.OwnedBridge;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database that stops answering without closing its connections (a hung server, a network cut):
 * the webhook still answers by its deadline, TradingView's 3 s, and what it could not do is not
 * half done.
 */
class FrozenDatabaseTest {

  /** Shorter than the default 2.5 s, so that a wait for the pool's own time-outs (2 s and more) shows. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

  @RegisterExtension
  static final OwnedBridge owned = new OwnedBridge(new WebhookSettings(ANSWER_WITHIN, Duration.ZERO, List.of()));

  @Test
  void an_alert_only_the_frozen_journal_could_vouch_for_is_refused_by_the_deadline_and_trades_once_after() {
    Http http = owned.http();
    assertThat(http.post("/api/broker/create", Map.of("id", "frozen", "balance", 10000)).status()).isEqualTo(201);
    assertThat(http.post("/api/strategies", Map.of("id", "frozen", "account", "frozen",
        "secret", "frozen-db-0123456789", "magic", 79)).status()).isEqualTo(201);
    assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}").status())
        .isEqualTo(200);
    // {{time}} is the bar's opening time: on a 4-hour chart, from before the bridge's memory of keys
    // begins, so only the journal can tell whether the alert was taken before.
    String barOpen = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS).toString();
    String before = alert("Long 1", barOpen);
    String during = alert("Long 2", barOpen);
    assertThat(http.post("/webhook", "application/json", before).json().path("status").asString())
        .isEqualTo("EXECUTED");

    Http.Response frozen;
    long took;
    owned.mariadb().freeze();
    try {
      long sent = System.nanoTime();
      frozen = http.post("/webhook", "application/json", during);
      took = System.nanoTime() - sent;
    } finally {
      owned.mariadb().thaw();
    }

    assertThat(frozen.status()).as(frozen.toString()).isEqualTo(503);
    assertThat(frozen.errorCode()).isEqualTo("UNAVAILABLE");
    assertThat(frozen.json().path("error").path("message").asString()).endsWith("nothing was done");
    assertThat(Duration.ofNanos(took)).isLessThan(ANSWER_WITHIN.plusMillis(500));
    // Nothing was done: sent again once the database answers, the alert trades, once.
    eventually(Duration.ofSeconds(20), () -> assertThat(http.post("/webhook", "application/json", during).json()
        .path("status").asString()).isEqualTo("EXECUTED"));
    assertThat(http.post("/webhook", "application/json", during).json().path("status").asString())
        .isEqualTo("DUPLICATE");
    assertThat(http.get("/api/broker/frozen/state").json().path("positions")).hasSize(2);
  }

  private static String alert(String id, String time) {
    return "{\"secret\":\"frozen-db-0123456789\",\"strategy\":\"frozen\",\"action\":\"buy\",\"symbol\":\"EURUSD\","
        + "\"volume\":0.1,\"id\":\"" + id + "\",\"time\":\"" + time + "\"}";
  }
}
