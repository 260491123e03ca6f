package com.mt5bridge.webhook;

import static com.mt5bridge.testing.TradingFloor.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every alert of {@code shared/fixtures/alerts} (copied to {@code src/test/fixtures/alerts}) as TradingView delivers it, for strategy trend-eu:
 * contracts × 0.00001 lots (TradingView counts forex in units: 1000 units = 0.01 lots). Prices:
 * EURUSD 1.10000/1.10020, GBPUSD 1.27000/1.27015, XAUUSD 2400.00/2400.30.
 */
class AlertFixturesTest {

  // Tests post the same bodies to fresh accounts: no duplicate window for alerts without an id.
  @RegisterExtension
  static final TestBridge bridge =
      new TestBridge(new WebhookSettings(Duration.ofMillis(2500), Duration.ZERO, List.of()));

  private static final String SECRET = "tr3nd-eu-0123456789";

  private String account;

  @BeforeEach
  void freshAccountForTrendEu() {
    account = bridge.floor().account("HEDGING");
    bridge.floor().strategy("trend-eu", account, SECRET,
        Map.of("sizing", Map.of("mode", "CONTRACTS", "multiplier", 0.00001)));
    bridge.floor().tick("EURUSD", "1.10000", "1.10020");
    bridge.floor().tick("GBPUSD", "1.27000", "1.27015");
    bridge.floor().tick("XAUUSD", "2400.00", "2400.30");
  }

  private static Http.Response postJson(String name) {
    return bridge.http().post("/webhook", "application/json", fixture(name));
  }

  private static Http.Response postText(String name) {
    return bridge.http().post("/webhook/trend-eu", "text/plain", fixture(name));
  }

  @Test
  void a_strategy_order_trades_to_the_position_size_times_the_multiplier() {
    Http.Response response = postJson("tv-strategy-order.json");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode answer = response.json();
    assertThat(answer.path("status").asString()).isEqualTo("EXECUTED");
    JsonNode result = answer.path("results").get(0);
    assertThat(result.path("retcodeName").asString()).isEqualTo("DONE");
    assertThat(result.path("volume").decimalValue()).isEqualByComparingTo("0.01");
    assertThat(result.path("price").decimalValue()).isEqualByComparingTo("1.10020");
    JsonNode position = bridge.floor().state(account).path("positions").get(0);
    assertThat(position.path("type").asString()).isEqualTo("BUY");
    assertThat(position.path("magic").asLong()).isEqualTo(1001);
    assertThat(position.path("comment").asString()).isEqualTo("EMA cross");
  }

  @Test
  void a_strategy_exit_to_flat_closes_the_strategy_position_at_the_bid() {
    // The entry of the same strategy order, at another bar than the fixture's (which another test posts).
    String entry = fixture("tv-strategy-order.json").replace("2026-11-21T10:15:00Z", "2026-11-21T10:14:00Z");
    assertThat(bridge.http().post("/webhook", "application/json", entry).json().path("status").asString()).isEqualTo("EXECUTED");

    Http.Response response = postJson("tv-strategy-exit-flat.json");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    assertThat(bridge.floor().state(account).path("positions")).isEmpty();
    JsonNode exit = bridge.floor().deals(account).getLast();
    assertThat(exit.path("entry").asString()).isEqualTo("OUT");
    assertThat(exit.path("price").decimalValue()).isEqualByComparingTo("1.10000");
    // (1.10000 - 1.10020) x 0.01 lots x 100,000
    assertThat(exit.path("profit").decimalValue()).isEqualByComparingTo("-0.20");
  }

  @Test
  void an_indicator_alert_sells_its_own_volume_with_stops_in_pips_from_the_bid() {
    Http.Response response = postJson("tv-indicator-fixed-volume.json");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    JsonNode position = bridge.floor().state(account).path("positions").get(0);
    assertThat(position.path("symbol").asString()).isEqualTo("GBPUSD");
    assertThat(position.path("type").asString()).isEqualTo("SELL");
    assertThat(position.path("volume").decimalValue()).isEqualByComparingTo("0.25");
    // 30 pips above and 60 below the bid 1.27000 (a pip is 0.0001 on a 5-digit symbol)
    assertThat(position.path("sl").decimalValue()).isEqualByComparingTo("1.27300");
    assertThat(position.path("tp").decimalValue()).isEqualByComparingTo("1.26400");
    assertThat(position.path("comment").asString()).isEqualTo("RSI overbought");
  }

  @Test
  void a_limit_alert_places_a_pending_order() {
    Http.Response response = postJson("tv-pending-limit.json");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    assertThat(response.json().path("results").get(0).path("retcodeName").asString()).isEqualTo("PLACED");
    JsonNode order = bridge.floor().state(account).path("orders").get(0);
    assertThat(order.path("type").asString()).isEqualTo("BUY_LIMIT");
    assertThat(order.path("volume").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(order.path("priceOpen").decimalValue()).isEqualByComparingTo("1.09800");
    assertThat(order.path("sl").decimalValue()).isEqualByComparingTo("1.09500");
    assertThat(order.path("tp").decimalValue()).isEqualByComparingTo("1.10500");
  }

  @Test
  void a_risk_alert_sizes_to_lose_that_percent_of_the_balance_at_the_stop() {
    Http.Response response = postJson("tv-risk-percent.json");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    // 1% of 10,000 = 100; from the ask 1.10020 to the SL 1.09500 a lot loses 0.00520 x 100,000 = 520;
    // 100 / 520 = 0.1923 lots, floored to the 0.01 step.
    JsonNode position = bridge.floor().state(account).path("positions").get(0);
    assertThat(position.path("volume").decimalValue()).isEqualByComparingTo("0.19");
    assertThat(position.path("sl").decimalValue()).isEqualByComparingTo("1.09500");
    assertThat(position.path("tp").decimalValue()).isEqualByComparingTo("1.11000");
  }

  @Test
  void an_unfilled_placeholder_is_refused_naming_the_field() {
    Http.Response response = postJson("tv-unfilled-placeholder.json");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorCode()).isEqualTo("INVALID");
    assertThat(response.json().path("error").path("field").asString()).isEqualTo("action");
    assertThat(response.json().path("error").path("message").asString()).contains("{{strategy.order.action}}");
    assertThat(bridge.floor().state(account).path("positions")).isEmpty();
  }

  @Test
  void a_message_with_typographic_quotes_is_refused_saying_so() {
    Http.Response response = bridge.http().post("/webhook/trend-eu", "text/plain", fixture("tv-smart-quotes.txt"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("MALFORMED");
    assertThat(response.json().path("error").path("message").asString()).contains("typographic quotes");
    assertThat(bridge.floor().state(account).path("positions")).isEmpty();
  }

  @Test
  void a_text_buy_with_risk_sizes_from_stops_in_pips() {
    Http.Response response = postText("pc-buy-risk.txt");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    // SL 20 pips below the ask 1.10020 = 1.09820: a lot loses 0.00200 x 100,000 = 200; 100 / 200 = 0.5 lots.
    JsonNode position = bridge.floor().state(account).path("positions").get(0);
    assertThat(position.path("volume").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(position.path("sl").decimalValue()).isEqualByComparingTo("1.09820");
    assertThat(position.path("tp").decimalValue()).isEqualByComparingTo("1.10420");
    assertThat(position.path("comment").asString()).isEqualTo("breakout");
  }

  @Test
  void a_text_closelong_closes_only_the_strategy_longs() {
    postText("pc-buy-risk.txt");
    Http.Response manual = bridge.http().post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 0.3));
    assertThat(manual.status()).isEqualTo(200);

    Http.Response response = postText("pc-closelong.txt");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    assertThat(response.json().path("results")).hasSize(1);
    List<JsonNode> left = bridge.floor().state(account).path("positions").valueStream().toList();
    assertThat(left).hasSize(1);
    assertThat(left.getFirst().path("magic").asLong()).isZero();
    assertThat(left.getFirst().path("volume").decimalValue()).isEqualByComparingTo("0.3");
  }

  @Test
  void a_text_sell_limit_places_the_order_with_its_price_stops() {
    Http.Response response = postText("pc-selllimit.txt");

    assertThat(response.json().path("status").asString()).as(response.toString()).isEqualTo("EXECUTED");
    JsonNode order = bridge.floor().state(account).path("orders").get(0);
    assertThat(order.path("symbol").asString()).isEqualTo("XAUUSD");
    assertThat(order.path("type").asString()).isEqualTo("SELL_LIMIT");
    assertThat(order.path("volume").decimalValue()).isEqualByComparingTo("0.05");
    assertThat(order.path("priceOpen").decimalValue()).isEqualByComparingTo("2412.50");
    assertThat(order.path("sl").decimalValue()).isEqualByComparingTo(new BigDecimal("2425.00"));
    assertThat(order.path("tp").decimalValue()).isEqualByComparingTo("2390.00");
  }

  @Test
  void the_copied_fixtures_are_the_shared_ones() throws java.io.IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(TradingFloor.SHARED_FIXTURES),
        "the shared fixtures are not beside this clone");
    try (var shared = java.nio.file.Files.list(TradingFloor.SHARED_FIXTURES);
         var copied = java.nio.file.Files.list(TradingFloor.FIXTURES)) {
      List<String> sharedNames = shared.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(copied.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(sharedNames);
      for (String name : sharedNames) {
        assertThat(TradingFloor.FIXTURES.resolve(name)).as(name)
            .hasSameBinaryContentAs(TradingFloor.SHARED_FIXTURES.resolve(name));
      }
    }
  }
}
