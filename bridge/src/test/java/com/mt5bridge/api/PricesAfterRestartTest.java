package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * After a restart, before the feed's next tick, the prices the accounts last saw still convert
 * between currencies and start new accounts.
 */
class PricesAfterRestartTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static RunningBridge bridge;

  @AfterAll
  static void stop() {
    bridge.close();
  }

  @Test
  void the_last_prices_convert_pnl_and_start_a_new_account_before_the_next_tick() {
    bridge = RunningBridge.start(db.url());
    Http http = bridge.http();
    http.post("/api/broker/create", Map.of("id", "euro", "currency", "EUR", "balance", 10000));
    http.post("/api/ticks", Map.of("symbol", "EURUSD", "bid", 1.10000, "ask", 1.10020));
    assertThat(http.post("/api/broker/euro/buy", Map.of("symbol", "EURUSD", "volume", 1)).status()).isEqualTo(200);

    bridge.close();
    bridge = RunningBridge.start(db.url());
    http = bridge.http();
    Http.Response converted = http.get("/api/consolidated/pnl?currency=USD");
    Http.Response created = http.post("/api/broker/create", Map.of("id", "later", "balance", 10000));
    Http.Response buy = http.post("/api/broker/later/buy", Map.of("symbol", "EURUSD", "volume", 1));

    assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
    JsonNode pnl = converted.json();
    // Bought at 1.10020, valued at 1.10000: -20.00 USD, in the account -20 / 1.10010 = -18.18 EUR (the mid);
    // back in USD, -18.18 x 1.10010 = -20.00.
    assertThat(pnl.path("unrealizedPnl").decimalValue()).as(pnl.toString()).isEqualByComparingTo("-20.00");
    assertThat(pnl.path("realizedPnl").decimalValue()).isEqualByComparingTo("0");
    assertThat(created.status()).isEqualTo(201);
    assertThat(buy.status()).as(buy.toString()).isEqualTo(200);
    assertThat(buy.json().path("price").decimalValue()).isEqualByComparingTo("1.10020");
  }
}
