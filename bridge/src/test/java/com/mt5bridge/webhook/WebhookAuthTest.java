package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.strategy.IpRange;
import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Who may send signals: the strategy's secret (body or URL, compared in constant time, stored as a
 * hash), its address allowlist (through a trusted proxy on 127.0.0.1), its pause, the kill switch
 * and its rate limit.
 */
class WebhookAuthTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge(
      new WebhookSettings(Duration.ofMillis(2500), Duration.ZERO, List.of(IpRange.parse("127.0.0.1"))));

  private static final String SECRET = "s3cret-0123456789-abcdef";


  /** A fresh account and strategy; its id. */
  private static String strategy(Map<String, Object> overrides) {
    String id = "auth-" + UUID.randomUUID().toString().substring(0, 8);
    bridge.floor().strategy(id, bridge.floor().account("HEDGING"), SECRET, overrides);
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");
    return id;
  }

  private static String alert(String strategy, String secret) {
    return "{\"secret\":\"" + secret + "\",\"strategy\":\"" + strategy + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\"}";
  }

  private static Http.Response from(String forwardedFor, String strategy) {
    return bridge.http().send("POST", "/webhook", Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor),
        alert(strategy, SECRET).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The status of an alert forwarded with one X-Forwarded-For line per hop, as a proxy that adds its
   * own line (HAProxy's {@code option forwardfor}) sends it; written on a raw socket, line by line.
   */
  private static int fromHops(String strategy, String... forwardedFor) throws IOException {
    byte[] body = alert(strategy, SECRET).getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nConnection: close\r\n");
    for (String hop : forwardedFor) {
      head.append("X-Forwarded-For: ").append(hop).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", bridge.http().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private static JsonNode positions(String strategy) {
    String account = bridge.http().get("/api/strategies/" + strategy).json().path("account").asString();
    return bridge.floor().state(account).path("positions");
  }

  @Test
  void the_secret_may_come_on_the_url() {
    String strategy = strategy(Map.of());

    Http.Response response = bridge.http().post("/webhook/" + strategy + "?secret=" + SECRET, "application/json",
        "{\"action\":\"buy\",\"symbol\":\"EURUSD\"}");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
  }

  @Test
  void a_wrong_secret_is_401_and_trades_nothing() {
    String strategy = strategy(Map.of());

    Http.Response response = bridge.http().post("/webhook", "application/json", alert(strategy, "not-the-secret-at-all"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(response.json().path("error").path("field").asString()).isEqualTo("secret");
    assertThat(positions(strategy)).isEmpty();
    eventually(Duration.ofSeconds(5), () -> {
      List<JsonNode> latest = bridge.http().get("/api/signals?strategy=" + strategy).json().valueStream().toList();
      assertThat(latest).isNotEmpty();
      JsonNode journaled = latest.getFirst();
      assertThat(journaled.path("status").asString()).isEqualTo("REJECTED");
      assertThat(journaled.path("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
    });
  }

  @Test
  void many_wrong_secrets_for_one_strategy_log_a_warning_naming_it() {
    String strategy = strategy(Map.of());

    List<String> logged;
    try (CapturedLogs logs = new CapturedLogs()) {
      // 39: a minute boundary falling among them still leaves 20 on one side of it.
      for (int i = 0; i < 39; i++) {
        bridge.http().post("/webhook", "application/json", alert(strategy, "guess-number-" + i + "-0123456789"));
      }
      logged = logs.lines();
    }

    assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("a strategy's secret was wrong 20 times")
        .endsWith(" strategy=" + strategy));
  }

  @Test
  void a_missing_secret_is_401() {
    String strategy = strategy(Map.of());

    Http.Response response = bridge.http().post("/webhook/" + strategy, "application/json",
        "{\"action\":\"buy\",\"symbol\":\"EURUSD\"}");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").path("message").asString()).contains("no secret");
  }

  @Test
  void different_secrets_in_url_and_body_are_401() {
    String strategy = strategy(Map.of());

    Http.Response response = bridge.http().post("/webhook?secret=another-secret-000000", "application/json",
        alert(strategy, SECRET));

    assertThat(response.status()).isEqualTo(401);
    assertThat(positions(strategy)).isEmpty();
  }

  @Test
  void an_unknown_strategy_is_404() {
    Http.Response response = bridge.http().post("/webhook/no-such-strategy", "text/plain", SECRET + ",buy,EURUSD");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(response.json().path("error").path("field").asString()).isEqualTo("strategy");
  }

  @Test
  void the_tradingview_preset_admits_tradingview_behind_a_trusted_proxy_and_nobody_else() {
    String strategy = strategy(Map.of("allowedIps", List.of("tradingview")));

    Http.Response tradingView = from("52.89.214.238", strategy);
    Http.Response stranger = from("203.0.113.9", strategy);
    // A client may write anything at the front; the proxy appends who really connected.
    Http.Response spoofed = from("52.89.214.238, 203.0.113.9", strategy);
    Http.Response appended = from("203.0.113.9, 34.212.75.30", strategy);

    assertThat(tradingView.status()).as(tradingView.toString()).isEqualTo(200);
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(spoofed.status()).isEqualTo(403);
    assertThat(appended.status()).isEqualTo(200);
    assertThat(positions(strategy)).hasSize(2);
  }

  @Test
  void a_forwarded_address_written_on_a_header_line_of_its_own_is_read_in_order() throws IOException {
    String strategy = strategy(Map.of("allowedIps", List.of("tradingview")));

    // The client's own line first, a TradingView address it made up; the proxy's line after it.
    int spoofed = fromHops(strategy, "52.89.214.238", "203.0.113.9");
    int honest = fromHops(strategy, "203.0.113.9", "34.212.75.30");

    assertThat(spoofed).isEqualTo(403);
    assertThat(honest).isEqualTo(200);
    assertThat(positions(strategy)).hasSize(1);
  }

  @Test
  void a_paused_strategy_is_403_until_resumed() {
    String strategy = strategy(Map.of());
    assertThat(bridge.http().post("/api/strategies/" + strategy + "/pause", "").status()).isEqualTo(200);

    Http.Response paused = bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));
    bridge.http().post("/api/strategies/" + strategy + "/resume", "");
    Http.Response resumed = bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));

    assertThat(paused.status()).isEqualTo(403);
    assertThat(paused.json().path("error").path("message").asString()).contains("is paused");
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(positions(strategy)).hasSize(1);
  }

  @Test
  void the_kill_switch_holds_every_strategy() {
    String strategy = strategy(Map.of());
    bridge.http().post("/api/pause", "");
    try {
      Http.Response held = bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));

      assertThat(held.status()).isEqualTo(403);
      assertThat(held.json().path("error").path("message").asString()).contains("kill switch");
      assertThat(bridge.http().get("/api/trading").json().path("paused").asBoolean()).isTrue();
    } finally {
      bridge.http().post("/api/resume", "");
    }
    assertThat(bridge.http().post("/webhook", "application/json", alert(strategy, SECRET)).status()).isEqualTo(200);
  }

  @Test
  void signals_beyond_the_rate_limit_are_429() {
    String strategy = strategy(Map.of("limits", Map.of("maxSignalsPerMinute", 3)));

    List<Integer> statuses = java.util.stream.IntStream.range(0, 4)
        .mapToObj(i -> bridge.http().post("/webhook", "application/json", alert(strategy, SECRET)).status()).toList();

    assertThat(statuses).containsExactly(200, 200, 200, 429);
    assertThat(positions(strategy)).hasSize(3);
  }

  @Test
  void a_signal_over_the_rate_is_told_when_the_next_is_taken() {
    String strategy = strategy(Map.of("limits", Map.of("maxSignalsPerMinute", 3)));
    for (int i = 0; i < 3; i++) {
      bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));
    }

    Http.Response refused = bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));

    // 3 a minute refill one every 20 s; the three went within the last second or two, so the next
    // token is 18 to 20 s away, rounded up to whole seconds.
    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(18L, 20L);
    assertThat(refused.json().path("error").path("message").asString())
        .endsWith("; the next is accepted in " + retryAfter + " s");
  }

  @Test
  void the_secret_is_kept_only_as_a_hash_and_never_shown_journaled_or_logged() {
    String strategy;
    try (CapturedLogs logs = new CapturedLogs()) {
      strategy = strategy(Map.of());
      bridge.http().post("/webhook", "application/json", alert(strategy, SECRET));
      bridge.http().post("/webhook/" + strategy + "?secret=" + SECRET, "text/plain", "x,buy,EURUSD");
      bridge.http().post("/webhook/" + strategy, "text/plain", SECRET + ",buy,EURUSD,vol=abc");
      bridge.http().post("/webhook/" + strategy, "application/json", "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",");
      // The secret under a name the bridge does not read, and in the wrong place of the text form: refused, and
      // masked all the same.
      bridge.http().post("/webhook/" + strategy, "application/json", "{\"Secret\":\"" + SECRET
          + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"extra\":[\"" + SECRET + "\"]}");
      bridge.http().post("/webhook/" + strategy, "text/plain", "buy," + SECRET + ",EURUSD,comment=" + SECRET);

      eventually(Duration.ofSeconds(5), () ->
          assertThat(bridge.http().get("/api/signals?strategy=" + strategy).json().valueStream().toList()).hasSize(6));
      assertThat(logs.lines()).noneMatch(line -> line.contains(SECRET));
    }
    assertThat(bridge.http().get("/api/strategies/" + strategy).body()).doesNotContain(SECRET).doesNotContain("\"secret\"");
    assertThat(bridge.http().get("/api/signals?strategy=" + strategy).body()).doesNotContain(SECRET).contains("***");
    String hash = bridge.dsl().fetchValue("SELECT secret_hash FROM strategies WHERE id = ?", strategy).toString();
    assertThat(hash).startsWith("sha256:").doesNotContain(SECRET);
    assertThat(bridge.dsl().fetch("SELECT detail FROM audit_log").formatCSV()).doesNotContain(SECRET);
    assertThat(bridge.dsl().fetch("SELECT body FROM signals").formatCSV()).doesNotContain(SECRET);
  }
}
