package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * After a restart, before the feed's next tick, the prices the accounts last saw still convert
 * between currencies, start new accounts and value open positions; nothing is dealt at them (they
 * may be hours old) until the feed's next tick.
 */
class PricesAfterRestartTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private RunningBridge bridge;

  private Http restart() {
    if (bridge != null) {
      bridge.close();
    }
    bridge = RunningBridge.start(db.url());
    return bridge.http();
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  @Test
  void the_last_prices_convert_pnl_and_start_a_new_account_before_the_next_tick() {
    Http http = restart();
    http.post("/api/broker/create", Map.of("id", "euro", "currency", "EUR", "balance", 10000));
    http.post("/api/ticks", Map.of("symbol", "EURUSD", "bid", 1.10000, "ask", 1.10020));
    assertThat(http.post("/api/broker/euro/buy", Map.of("symbol", "EURUSD", "volume", 1)).status()).isEqualTo(200);
    JsonNode before = http.get("/api/consolidated/pnl?currency=USD").json();

    http = restart();
    Http.Response converted = http.get("/api/consolidated/pnl?currency=USD");
    JsonNode euro = http.get("/api/broker/euro/state").json();
    Http.Response created = http.post("/api/broker/create", Map.of("id", "later", "balance", 10000));

    assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
    // The other test's account, if it ran first, is in both: the same prices before and after.
    assertThat(converted.json()).isEqualTo(before);
    // Bought at 1.10020, valued at 1.10000: -20.00 USD, in the account -20 / 1.10010 = -18.18 EUR (the mid).
    assertThat(euro.path("profit").decimalValue()).isEqualByComparingTo("-18.18");
    assertThat(created.status()).isEqualTo(201);
  }

  @Test
  void nothing_is_dealt_at_a_price_kept_from_before_the_restart_until_the_feeds_next_tick() {
    Http http = restart();
    http.post("/api/broker/create", Map.of("id", "kept", "balance", 10000));
    http.post("/api/ticks", Map.of("symbol", "USDJPY", "bid", 150.000, "ask", 150.020));
    JsonNode bought = http.post("/api/broker/kept/buy", Map.of("symbol", "USDJPY", "volume", 1)).json();

    http = restart();
    http.post("/api/broker/create", Map.of("id", "new-after", "balance", 10000));
    Http.Response buy = http.post("/api/broker/kept/buy", Map.of("symbol", "USDJPY", "volume", 1));
    Http.Response close = http.post("/api/broker/kept/close", Map.of("position", bought.path("position").asLong()));
    Http.Response buyNew = http.post("/api/broker/new-after/buy", Map.of("symbol", "USDJPY", "volume", 1));
    Http.Response limit = http.post("/api/broker/kept/buy", Map.of("symbol", "USDJPY", "volume", 1, "type", "LIMIT",
        "price", 149.000));
    JsonNode untouched = http.get("/api/broker/kept/state").json();

    for (Http.Response refused : List.of(buy, buyNew, limit)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.json().path("retcode").asInt()).isEqualTo(10018);
      assertThat(refused.json().path("retcodeName").asString()).isEqualTo("MARKET_CLOSED");
    }
    assertThat(buy.json().path("error").path("message").asString())
        .contains("MARKET_CLOSED: no price for USDJPY from the feed since the bridge started: the last one known "
            + "(bid 150.000, ask 150.020 at ");
    assertThat(close.json().path("results").get(0).path("retcodeName").asString()).isEqualTo("MARKET_CLOSED");
    assertThat(untouched.path("positions")).hasSize(1);
    assertThat(untouched.path("orders")).isEmpty();

    http.post("/api/ticks", Map.of("symbol", "USDJPY", "bid", 151.000, "ask", 151.020));
    JsonNode closed = http.post("/api/broker/kept/close", Map.of("position", bought.path("position").asLong())).json()
        .path("results").get(0);
    JsonNode boughtNew = http.post("/api/broker/new-after/buy", Map.of("symbol", "USDJPY", "volume", 1)).json();

    // Closed at the new bid: (151.000 - 150.020) x 100,000 = 98,000 JPY, / 151.010 (the mid) = 648.96 USD.
    assertThat(closed.path("retcodeName").asString()).isEqualTo("DONE");
    assertThat(closed.path("price").decimalValue()).isEqualByComparingTo("151.000");
    assertThat(http.get("/api/broker/kept/trades").json().get(2).path("profit").decimalValue())
        .isEqualByComparingTo("648.96");
    assertThat(boughtNew.path("price").decimalValue()).isEqualByComparingTo("151.020");
  }

  @Test
  void an_open_position_is_valued_after_a_restart_at_the_price_of_the_last_equity_sample() {
    Http http = restart();
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    http.post("/api/broker/create", Map.of("id", "sampled", "balance", 10000));
    http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.27000, "ask", 1.27020, "time", t.toString()));
    assertThat(http.post("/api/broker/sampled/buy", Map.of("symbol", "GBPUSD", "volume", 1)).status()).isEqualTo(200);
    // Two seconds later the open position gives the equity curve a point, and no trade happens.
    http.post("/api/ticks", Map.of("symbol", "GBPUSD", "bid", 1.27100, "ask", 1.27120,
        "time", t.plusSeconds(2).toString()));
    // The state is answered after the batches before it are committed.
    assertThat(http.get("/api/broker/sampled/state").json().path("positions").get(0).path("priceCurrent")
        .decimalValue()).isEqualByComparingTo("1.27100");

    http = restart();
    JsonNode position = http.get("/api/broker/sampled/state").json().path("positions").get(0);

    // Bought at 1.27020, valued at the sample's 1.27100: 0.00080 x 100,000 = 80.00.
    assertThat(position.path("priceCurrent").decimalValue()).isEqualByComparingTo("1.27100");
    assertThat(position.path("profit").decimalValue()).isEqualByComparingTo("80.00");
  }
}
