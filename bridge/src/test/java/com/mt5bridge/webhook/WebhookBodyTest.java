package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The alert body arrives whole however it is framed: with a Content-Length (what TradingView
 * sends) or chunked (what some proxies forward), and the 64 KiB limit holds either way; a leading
 * byte-order mark is not part of it; a number in it may be written as text, in either notation;
 * a text alert's value in quotes may hold commas.
 */
class WebhookBodyTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "b0dy-framing-0123456789";

  @Test
  void a_chunked_alert_trades_like_one_with_a_length() {
    String account = accountWithStrategy("chunked");

    Http.Response chunked = bridge.http().postChunked("/webhook/chunked", "application/json",
        buy("\"volume\":0.10,\"id\":\"c1\""));
    Http.Response sized = bridge.http().post("/webhook/chunked", "application/json",
        buy("\"volume\":0.20,\"id\":\"c2\""));

    assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
    assertThat(sized.status()).as(sized.toString()).isEqualTo(200);
    assertBought(account, "0.10", "0.20");
  }

  @Test
  void a_chunked_body_over_64_kib_is_refused_and_trades_nothing() {
    String account = accountWithStrategy("chunked-large");

    Http.Response response = bridge.http().postChunked("/webhook/chunked-large", "application/json",
        buy("\"volume\":0.10,\"comment\":\"" + "x".repeat(70_000) + "\""));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("TOO_LARGE");
    assertThat(bridge.floor().state(account).path("positions")).isEmpty();
  }

  @Test
  void a_body_that_starts_with_a_byte_order_mark_trades_as_one_without() {
    String account = accountWithStrategy("marked");

    Http.Response json = bridge.http().post("/webhook/marked", "application/json",
        "\uFEFF" + buy("\"volume\":0.10"));
    Http.Response text = bridge.http().post("/webhook/marked", "text/plain", "\uFEFF" + SECRET + ",buy,EURUSD,vol=0.2");

    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(text.status()).as(text.toString()).isEqualTo(200);
    assertBought(account, "0.10", "0.20");
  }

  @Test
  void a_number_as_text_may_have_an_exponent_as_a_json_number_may() {
    String account = accountWithStrategy("exponent");

    Http.Response exponent = bridge.http().post("/webhook/exponent", "application/json",
        buy("\"volume\":\"1E-1\""));

    assertThat(exponent.status()).as(exponent.toString()).isEqualTo(200);
    assertBought(account, "0.10");
  }

  @Test
  void a_quoted_text_value_keeps_its_commas_and_loses_its_quotes() {
    String account = accountWithStrategy("quoted");

    Http.Response text = bridge.http().post("/webhook/quoted", "text/plain",
        SECRET + ",buy,EURUSD,vol=0.1,comment=\"long, breakout\",sl=20");

    assertThat(text.status()).as(text.toString()).isEqualTo(200);
    JsonNode position = bridge.floor().state(account).path("positions").get(0);
    assertThat(position.path("comment").asString()).isEqualTo("long, breakout");
    // The key after the quoted value is still read: 20 pips below the ask of 1.10020.
    assertThat(position.path("sl").decimalValue()).isEqualByComparingTo("1.09820");
    assertBought(account, "0.10");
  }

  @Test
  void spaces_around_the_secret_strategy_and_symbol_are_not_part_of_them_in_json_as_in_text() {
    String account = accountWithStrategy("spaced");

    // A template typed by hand: "{{ticker}} " with a space, a secret pasted with one. None of the three
    // can hold a space, and the text form always dropped them; JSON refused these with 401, 404 and 422.
    Http.Response json = bridge.http().post("/webhook", "application/json", "{\"secret\":\" " + SECRET + " \","
        + "\"strategy\":\"spaced \",\"action\":\"buy\",\"symbol\":\" FX:EURUSD \",\"volume\":0.1}");
    Http.Response query = bridge.http().post("/webhook/spaced?secret=%20" + SECRET + "%20", "application/json",
        "{\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":0.2}");
    Http.Response text = bridge.http().post("/webhook/spaced", "text/plain", " " + SECRET + " , buy , EURUSD , vol=0.3");

    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(query.status()).as(query.toString()).isEqualTo(200);
    assertThat(text.status()).as(text.toString()).isEqualTo(200);
    assertBought(account, "0.10", "0.20", "0.30");
  }

  @Test
  void an_empty_part_of_a_text_alert_is_nothing() {
    String account = accountWithStrategy("commas");

    // A message built by a script that ends every part with a comma, or leaves an optional one out.
    Http.Response trailing = bridge.http().post("/webhook/commas", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,");
    Http.Response doubled = bridge.http().post("/webhook/commas", "text/plain", SECRET + ",buy,EURUSD,,vol=0.2, ,sl=20");

    assertThat(trailing.status()).as(trailing.toString()).isEqualTo(200);
    assertThat(doubled.status()).as(doubled.toString()).isEqualTo(200);
    assertBought(account, "0.10", "0.20");
    // sl=20 after the empty parts is still read: 20 pips below the ask of 1.10020.
    assertThat(bridge.floor().state(account).path("positions").get(1).path("sl").decimalValue())
        .isEqualByComparingTo("1.09820");
  }

  /** A JSON alert buying EURUSD, with {@code fields} added. */
  private static String buy(String fields) {
    return "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\"," + fields + "}";
  }

  /** A new account with EURUSD at 1.10000/1.10020 and the strategy on it. */
  private static String accountWithStrategy(String strategy) {
    String account = bridge.floor().account("HEDGING");
    bridge.floor().strategy(strategy, account, SECRET, Map.of());
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");
    return account;
  }

  /** The account holds one position per volume, in order: the buys at the ask went through. */
  private static void assertBought(String account, String... volumes) {
    assertThat(bridge.floor().state(account).path("positions")).extracting(p -> p.path("volume").decimalValue())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(Arrays.stream(volumes).map(BigDecimal::new).toArray(BigDecimal[]::new));
  }
}
