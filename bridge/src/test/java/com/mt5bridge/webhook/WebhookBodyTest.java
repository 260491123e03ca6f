package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert body arrives whole however it is framed: with a Content-Length (what TradingView
 * sends) or chunked (what some proxies forward), and the 64 KiB limit holds either way; a leading
 * byte-order mark is not part of it.
 */
class WebhookBodyTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "b0dy-framing-0123456789";

  @Test
  void a_chunked_alert_trades_like_one_with_a_length() {
    String account = bridge.floor().account("HEDGING");
    bridge.floor().strategy("chunked", account, SECRET, Map.of());
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");

    Http.Response chunked = bridge.http().postChunked("/webhook/chunked", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.10,\"id\":\"c1\"}");
    Http.Response sized = bridge.http().post("/webhook/chunked", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.20,\"id\":\"c2\"}");

    assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
    assertThat(sized.status()).as(sized.toString()).isEqualTo(200);
    // Two buys at the ask 1.10020: 0.10 and 0.20 lots.
    assertThat(bridge.floor().state(account).path("positions")).extracting(p -> p.path("volume").decimalValue())
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(new java.math.BigDecimal("0.10"), new java.math.BigDecimal("0.20"));
  }

  @Test
  void a_chunked_body_over_64_kib_is_refused_and_trades_nothing() {
    String account = bridge.floor().account("HEDGING");
    bridge.floor().strategy("chunked-large", account, SECRET, Map.of());
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");

    Http.Response response = bridge.http().postChunked("/webhook/chunked-large", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.10,\"comment\":\""
            + "x".repeat(70_000) + "\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("TOO_LARGE");
    assertThat(bridge.floor().state(account).path("positions")).isEmpty();
  }

  @Test
  void a_body_that_starts_with_a_byte_order_mark_trades_as_one_without() {
    String account = bridge.floor().account("HEDGING");
    bridge.floor().strategy("marked", account, SECRET, Map.of());
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");

    Http.Response json = bridge.http().post("/webhook/marked", "application/json",
        "\uFEFF{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.10}");
    Http.Response text = bridge.http().post("/webhook/marked", "text/plain", "\uFEFF" + SECRET + ",buy,EURUSD,vol=0.2");

    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(text.status()).as(text.toString()).isEqualTo(200);
    assertThat(bridge.floor().state(account).path("positions")).extracting(p -> p.path("volume").decimalValue())
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(new java.math.BigDecimal("0.10"), new java.math.BigDecimal("0.20"));
  }
}
