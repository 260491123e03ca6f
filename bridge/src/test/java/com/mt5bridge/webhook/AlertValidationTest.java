package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every way an authenticated alert can be wrong gets the contract's error naming the field, is
 * journaled as REJECTED with the reason, and trades nothing.
 */
class AlertValidationTest {

  @RegisterExtension
  static final TestBridge bridge =
      new TestBridge(new WebhookSettings(Duration.ofMillis(2500), Duration.ZERO, List.of()));

  private static final String SECRET = "v4lid4tion-0123456789";

  private String strategy;
  private String account;

  @BeforeEach
  void freshStrategy() {
    strategy = "val-" + UUID.randomUUID().toString().substring(0, 8);
    account = bridge.floor().account("HEDGING");
    bridge.floor().strategy(strategy, account, SECRET, Map.of());
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");
  }

  @AfterEach
  void nothingTraded() {
    JsonNode state = bridge.floor().state(account);
    assertThat(state.path("positions")).isEmpty();
    assertThat(state.path("orders")).isEmpty();
    assertThat(state.path("balance").decimalValue()).isEqualByComparingTo("10000");
    assertThat(bridge.floor().deals(account)).hasSize(1);
  }

  private Http.Response json(String fields) {
    return bridge.http().post("/webhook", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy + "\"," + fields + "}");
  }

  private Http.Response text(String line) {
    return bridge.http().post("/webhook/" + strategy, "text/plain", SECRET + "," + line);
  }

  private void assertRefused(Http.Response response, int status, String code, String field, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode error = response.json().path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("field").isNull() ? null : error.path("field").asString()).isEqualTo(field);
    assertThat(error.path("message").asString()).contains(message);
    eventually(Duration.ofSeconds(5), () -> {
      List<JsonNode> latest = bridge.http().get("/api/signals?strategy=" + strategy + "&limit=1").json().valueStream().toList();
      assertThat(latest).isNotEmpty();
      JsonNode journaled = latest.getFirst();
      assertThat(journaled.path("status").asString()).isEqualTo("REJECTED");
      assertThat(journaled.path("error").path("code").asString()).isEqualTo(code);
      assertThat(journaled.path("error").path("message").asString()).isEqualTo(error.path("message").asString());
    });
  }

  @Test
  void an_unknown_symbol_is_refused_naming_the_symbol() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"FX:EURXYZ\""), 422, "INVALID", "symbol",
        "has no symbol EURXYZ");
  }

  @Test
  void a_symbol_in_the_wrong_letter_case_is_refused_naming_the_right_one() {
    assertRefused(text("buy,eurusd,vol=0.1"), 422, "INVALID", "symbol",
        "has no symbol eurusd (did you mean EURUSD? symbol names are case-sensitive)");
  }

  @Test
  void an_entry_older_than_the_strategys_age_limit_is_refused_naming_the_time() {
    bridge.floor().strategy(strategy, account, SECRET, Map.of("limits", Map.of("maxSignalAgeSeconds", 60)));
    String tenMinutesAgo = Instant.now().minusSeconds(600).toString();

    assertRefused(text("buy,EURUSD,vol=0.1,time=" + tenMinutesAgo), 422, "RISK_LIMIT", "time",
        "; the strategy's maxSignalAgeSeconds is 60 (closing is still allowed)");
  }

  @Test
  void an_entry_timed_in_epoch_seconds_is_aged_in_seconds() {
    bridge.floor().strategy(strategy, account, SECRET, Map.of("limits", Map.of("maxSignalAgeSeconds", 60)));
    long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();

    Http.Response response = json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.1,\"id\":\"e1\",\"time\":"
        + tenMinutesAgo);

    assertRefused(response, 422, "RISK_LIMIT", "time", " s before it arrived; the strategy's maxSignalAgeSeconds is 60");
    // 600 s and the time the request took, not 1.7 billion seconds of a 1970 millisecond
    assertThat(response.json().path("error").path("message").asString()).matches("the alert fired 60[01](\\.\\d+)? s .*");
  }

  @Test
  void an_unreadable_time_under_an_age_limit_is_refused_naming_the_forms_read() {
    bridge.floor().strategy(strategy, account, SECRET, Map.of("limits", Map.of("maxSignalAgeSeconds", 60)));

    assertRefused(text("buy,EURUSD,vol=0.1,time=2026-11-22 06:40:00"), 422, "RISK_LIMIT", "time",
        "needs the alert's time (ISO-8601 with a zone, such as 2026-11-22T06:40:00Z, or epoch seconds or milliseconds)");
  }

  @Test
  void a_volume_below_the_symbol_minimum_is_refused() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":\"0.001\""), 422, "INVALID", "volume",
        "the alert's volume gives 0.001 lots, below EURUSD's minimum 0.01");
  }

  @Test
  void a_body_over_64_kib_is_refused() {
    String comment = "x".repeat(70_000);
    Http.Response response = bridge.http().post("/webhook/" + strategy, "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"comment\":\"" + comment + "\"}");

    assertRefused(response, 413, "TOO_LARGE", null, "65536 bytes");
  }

  @Test
  void a_number_of_the_wrong_type_is_refused() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":true"), 422, "INVALID", "volume",
        "must be a number");
  }

  @Test
  void a_number_as_text_that_is_not_a_number_is_refused() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":\"0,1\""), 422, "INVALID", "volume",
        "must be a number such as 0.1");
  }

  @Test
  void a_number_as_text_out_of_range_is_refused_whatever_its_notation() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":\"1e400\""), 422, "INVALID", "volume",
        "not a usable number");
  }

  @Test
  void an_unknown_field_is_refused_with_a_hint() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"Volume\":0.1"), 422, "INVALID", "Volume",
        "did you mean 'volume'?");
  }

  @Test
  void an_unknown_action_is_refused_listing_the_actions() {
    assertRefused(json("\"action\":\"purchase\",\"symbol\":\"EURUSD\""), 422, "INVALID", "action",
        "use one of buy, sell");
  }

  @Test
  void a_limit_order_without_a_price_is_refused() {
    assertRefused(json("\"action\":\"buy\",\"type\":\"limit\",\"symbol\":\"EURUSD\""), 422, "INVALID", "price",
        "needs its price");
  }

  @Test
  void a_close_with_a_volume_is_refused_rather_than_closing_everything() {
    assertRefused(json("\"action\":\"close\",\"symbol\":\"EURUSD\",\"volume\":0.1"), 422, "INVALID", "volume",
        "takes no volume");
  }

  @Test
  void both_a_stop_price_and_stop_pips_are_refused() {
    assertRefused(json("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"sl\":1.09,\"slPips\":20"), 422, "INVALID",
        "slPips", "not both");
  }

  @Test
  void a_strategy_in_the_body_different_from_the_url_is_refused() {
    Http.Response response = bridge.http().post("/webhook/" + strategy, "application/json",
        "{\"secret\":\"" + SECRET + "\",\"strategy\":\"other\",\"action\":\"buy\",\"symbol\":\"EURUSD\"}");

    assertRefused(response, 422, "INVALID", "strategy", "posted to /webhook/" + strategy);
  }

  @Test
  void an_empty_body_is_malformed() {
    assertRefused(bridge.http().post("/webhook/" + strategy, "text/plain", "  "), 400, "MALFORMED", null, "empty");
  }

  @Test
  void a_body_that_is_neither_json_nor_a_text_alert_is_malformed() {
    assertRefused(bridge.http().post("/webhook/" + strategy, "text/plain", "hello"), 400, "MALFORMED",
        null, "neither a JSON object nor a text alert");
  }

  @Test
  void truncated_json_is_malformed() {
    assertRefused(bridge.http().post("/webhook/" + strategy, "application/json", "{\"secret\":\"" + SECRET + "\",\"act"),
        400, "MALFORMED", null, "not valid JSON");
  }

  @Test
  void an_unsupported_content_type_is_415() {
    assertRefused(bridge.http().post("/webhook/" + strategy, "application/xml", "<alert/>"), 415, "UNSUPPORTED_MEDIA_TYPE",
        null, "application/json or text/plain");
  }

  @Test
  void a_compressed_body_is_415_naming_the_encoding() throws Exception {
    byte[] alert = ("{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy
        + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.1}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(alert);
    }

    assertRefused(bridge.http().send("POST", "/webhook/" + strategy, Map.of("Content-Type", "application/json",
        "Content-Encoding", "gzip"), gzipped.toByteArray()), 415, "UNSUPPORTED_MEDIA_TYPE", null,
        "send the alert uncompressed (as TradingView does): Content-Encoding gzip is not read");
  }

  @Test
  void a_text_alert_with_an_unknown_key_is_refused() {
    assertRefused(text("buy,EURUSD,lot=0.1"), 422, "INVALID", "lot", "unknown key 'lot'");
  }

  @Test
  void a_text_number_that_is_not_a_number_is_refused_by_its_key() {
    assertRefused(text("buy,EURUSD,vol=abc"), 422, "INVALID", "vol", "must be a number");
  }

  @Test
  void a_text_alert_with_a_quote_left_open_is_refused() {
    assertRefused(text("buy,EURUSD,vol=0.1,comment=\"long, breakout,sl=20"), 422, "INVALID", null, "is not closed");
  }

  @Test
  void a_text_alert_without_a_strategy_in_the_url_is_refused() {
    Http.Response response = bridge.http().post("/webhook", "text/plain", SECRET + ",buy,EURUSD");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("error").path("field").asString()).isEqualTo("strategy");
  }
}
