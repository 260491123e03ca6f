package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import com.mt5bridge.testing.TradingFloor;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert body arrives whole however it is framed: with a Content-Length (what TradingView
 * sends) or chunked (what some proxies forward), and the 64 KiB limit holds either way.
 */
class WebhookBodyTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String SECRET = "b0dy-framing-0123456789";

  private static RunningBridge bridge;
  private static Http http;
  private static TradingFloor floor;

  @BeforeAll
  static void start() {
    bridge = RunningBridge.start(db.url());
    http = bridge.http();
    floor = new TradingFloor(http);
  }

  @AfterAll
  static void stop() {
    bridge.close();
  }

  @Test
  void a_chunked_alert_trades_like_one_with_a_length() {
    String account = floor.account("HEDGING");
    floor.strategy("chunked", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");

    Http.Response chunked = http.postChunked("/webhook/chunked", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.10,\"id\":\"c1\"}");
    Http.Response sized = http.post("/webhook/chunked", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.20,\"id\":\"c2\"}");

    assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
    assertThat(sized.status()).as(sized.toString()).isEqualTo(200);
    // Two buys at the ask 1.10020: 0.10 and 0.20 lots.
    assertThat(floor.state(account).path("positions")).extracting(p -> p.path("volume").decimalValue())
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(new java.math.BigDecimal("0.10"), new java.math.BigDecimal("0.20"));
  }

  @Test
  void a_chunked_body_over_64_kib_is_refused_and_trades_nothing() {
    String account = floor.account("HEDGING");
    floor.strategy("chunked-large", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");

    Http.Response response = http.postChunked("/webhook/chunked-large", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.10,\"comment\":\""
            + "x".repeat(70_000) + "\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("TOO_LARGE");
    assertThat(floor.state(account).path("positions")).isEmpty();
  }
}
