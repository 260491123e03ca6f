package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/strategies/{id}/preview: an alert's orders as the bridge would send them now, sized and
 * checked, with nothing traded, journaled, claimed or counted against the rate.
 */
class PreviewTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "pr3view-0123456789xyz";
  private static final String RISKY_BUY = "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"FX:EURUSD\","
      + "\"slPips\":20,\"id\":\"Long\",\"time\":\"2026-11-21T10:00:00Z\"}";

  private static Http http;
  private static TradingFloor floor;
  private static String account;

  @BeforeAll
  static void start() {
    http = bridge.http();
    floor = bridge.floor();
    account = floor.account("HEDGING");
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  @Test
  void a_risk_sized_buy_is_shown_with_its_volume_and_stop_and_nothing_is_done() {
    floor.strategy("preview-risk", account, SECRET, Map.of("magic", 2001,
        "sizing", Map.of("mode", "RISK", "riskPercent", 1), "allowedIps", List.of("tradingview")));

    Http.Response preview = http.post("/api/strategies/preview-risk/preview", "application/json", RISKY_BUY);

    // 1 % of 10,000.00 is 100.00; the stop is 20 pips (0.00200) under the ask of 1.10020, at 1.09820,
    // which costs 0.00200 x 100,000 = 200.00 a lot: 0.5 lots.
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    JsonNode answer = preview.json();
    assertThat(answer.path("strategy").asString()).isEqualTo("preview-risk");
    assertThat(answer.path("account").asString()).isEqualTo(account);
    assertThat(answer.path("action").asString()).isEqualTo("buy");
    assertThat(answer.path("symbol").asString()).isEqualTo("EURUSD");
    assertThat(answer.path("ask").decimalValue()).isEqualByComparingTo("1.10020");
    assertThat(answer.path("priceTime").asString()).isEqualTo("2026-11-21T10:00:00Z"); // the tick's
    assertThat(answer.path("orders")).hasSize(1);
    JsonNode order = answer.path("orders").get(0);
    assertThat(order.path("request").asString()).isEqualTo("ORDER");
    assertThat(order.path("type").asString()).isEqualTo("BUY");
    assertThat(order.path("volume").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(order.path("sl").decimalValue()).isEqualByComparingTo("1.09820");
    assertThat(order.path("magic").asLong()).isEqualTo(2001);
    // Nothing traded and nothing journaled; the address (not TradingView's) was not asked about.
    assertThat(floor.state(account).path("positions")).noneMatch(p -> p.path("magic").asLong() == 2001);
    assertThat(http.get("/api/signals?strategy=preview-risk").json()).isEmpty();
    assertThat(http.post("/webhook/preview-risk", "application/json", RISKY_BUY).status()).isEqualTo(403);
  }

  @Test
  void previews_take_nothing_from_the_rate_nor_make_the_alert_a_duplicate() {
    floor.strategy("preview-rate", account, SECRET, Map.of("magic", 2002,
        "limits", Map.of("maxSignalsPerMinute", 1)));
    for (int i = 0; i < 3; i++) {
      assertThat(http.post("/api/strategies/preview-rate/preview", "application/json", RISKY_BUY).status())
          .isEqualTo(200);
    }

    Http.Response first = http.post("/webhook/preview-rate", "application/json", RISKY_BUY);
    Http.Response second = http.post("/webhook/preview-rate", "application/json",
        RISKY_BUY.replace("\"Long\"", "\"Long 2\""));

    assertThat(first.json().path("status").asString()).as(first.toString()).isEqualTo("EXECUTED");
    assertThat(second.status()).isEqualTo(429);
  }

  @Test
  void a_close_shows_the_strategys_own_position_by_ticket() {
    floor.strategy("preview-close", account, SECRET, Map.of("magic", 2003));
    long ticket = http.post("/webhook/preview-close", "text/plain", SECRET + ",buy,EURUSD,vol=0.3").json()
        .path("results").get(0).path("position").asLong();

    JsonNode answer = http.post("/api/strategies/preview-close/preview", "text/plain", SECRET + ",closelong,EURUSD")
        .json();

    assertThat(answer.path("orders")).hasSize(1);
    assertThat(answer.path("orders").get(0).path("request").asString()).isEqualTo("CLOSE");
    assertThat(answer.path("orders").get(0).path("position").asLong()).isEqualTo(ticket);
    assertThat(floor.state(account).path("positions")).extracting(p -> p.path("ticket").asLong()).contains(ticket);
  }

  @Test
  void a_preview_is_refused_as_the_webhook_would_refuse_the_alert() {
    floor.strategy("preview-refused", account, SECRET, Map.of("magic", 2004, "limits", Map.of("maxVolume", 1)));

    Http.Response wrongSecret = http.post("/api/strategies/preview-refused/preview", "text/plain",
        "not-the-secret-0123,buy,EURUSD");
    Http.Response tooBig = http.post("/api/strategies/preview-refused/preview", "text/plain",
        SECRET + ",buy,EURUSD,vol=2");
    Http.Response placeholder = http.post("/api/strategies/preview-refused/preview", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"volume\":\"{{contracts}}\"}");
    http.post("/api/strategies/preview-refused/pause", Map.of());
    Http.Response paused = http.post("/api/strategies/preview-refused/preview", "text/plain",
        SECRET + ",buy,EURUSD");
    Http.Response noToken = http.withToken("wrong").post("/api/strategies/preview-refused/preview", "text/plain",
        SECRET + ",buy,EURUSD");

    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(tooBig.status()).isEqualTo(422);
    assertThat(tooBig.json().path("error").path("field").asString()).isEqualTo("volume");
    assertThat(placeholder.status()).isEqualTo(422);
    assertThat(placeholder.json().path("error").path("field").asString()).isEqualTo("volume");
    assertThat(paused.status()).isEqualTo(403);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(http.get("/api/signals?strategy=preview-refused").json()).isEmpty();
  }

  @Test
  void a_preview_refused_on_the_account_leaves_the_account_as_it_was() {
    floor.strategy("preview-limit", account, SECRET, Map.of("magic", 2005, "limits", Map.of("maxVolume", 1)));
    floor.strategy("preview-risk-free", account, SECRET, Map.of("magic", 2006));

    try (CapturedLogs logs = new CapturedLogs()) {
      // Sized and limited on the account's thread; a refusal there is an answer, not a failure of the
      // account (which drops the requests in its batch, live signals among them, and rebuilds it).
      Http.Response tooBig = http.post("/api/strategies/preview-limit/preview", "text/plain", SECRET + ",buy,EURUSD,vol=2");
      http.post("/api/strategies/preview-limit/pause", Map.of());
      Http.Response paused = http.post("/api/strategies/preview-limit/preview", "text/plain", SECRET + ",buy,EURUSD");

      assertThat(tooBig.status()).isEqualTo(422);
      assertThat(tooBig.json().path("error").path("message").asString())
          .isEqualTo("the signal opens 2 lots; the strategy's maxVolume is 1");
      assertThat(paused.status()).isEqualTo(403);
      assertThat(logs.lines()).noneMatch(line -> line.contains("request failed inside the account"))
          .noneMatch(line -> line.contains("account rebuilt"));
    }
    // Rebuilt from the database, the account had lost the prices no trade of its had stored.
    Http.Response after = http.post("/api/strategies/preview-risk-free/preview", "text/plain", SECRET + ",buy,EURUSD,vol=1");
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
    assertThat(after.json().path("bid").decimalValue()).isEqualByComparingTo("1.10000");
  }
}
