package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * After a restart, before the feed's next tick, the prices the accounts last saw still convert
 * between currencies, start new accounts and value open positions.
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
    Http.Response buy = http.post("/api/broker/later/buy", Map.of("symbol", "EURUSD", "volume", 1));

    assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
    // The other test's account, if it ran first, is in both: the same prices before and after.
    assertThat(converted.json()).isEqualTo(before);
    // Bought at 1.10020, valued at 1.10000: -20.00 USD, in the account -20 / 1.10010 = -18.18 EUR (the mid).
    assertThat(euro.path("profit").decimalValue()).isEqualByComparingTo("-18.18");
    assertThat(created.status()).isEqualTo(201);
    assertThat(buy.status()).as(buy.toString()).isEqualTo(200);
    assertThat(buy.json().path("price").decimalValue()).isEqualByComparingTo("1.10020");
  }

  @Test
  void an_open_position_is_valued_after_a_restart_at_the_price_of_the_last_equity_sample() {
    Http http = restart();
    Instant t = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
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
