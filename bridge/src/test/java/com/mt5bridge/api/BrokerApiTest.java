package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Accounts, prices and trading through HTTP, with the contract's JSON and error shapes. */
class BrokerApiTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static RunningBridge bridge;
  private static Http http;

  @BeforeAll
  static void start() {
    bridge = RunningBridge.start(db.url());
    http = bridge.http();
  }

  @AfterAll
  static void stop() {
    bridge.close();
  }

  /** A fresh account per test: ticks go to every account with the symbol, so tests use their own. */
  private static String account(String marginMode) {
    String id = "acc-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response created = http.post("/api/broker/create", Map.of("id", id, "mode", "SIM", "marginMode", marginMode,
        "currency", "USD", "balance", 10000, "leverage", 100));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  /** A tick at the bridge's time: some tests here post ticks without a time, and an older one would be late. */
  private static void tick(String symbol, String bid, String ask) {
    Http.Response response = http.post("/api/ticks", "{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":" + ask
        + "}");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void creating_an_account_answers_201_with_its_state() {
    String id = "created-" + UUID.randomUUID().toString().substring(0, 8);

    Http.Response response = http.post("/api/broker/create", Map.of("id", id, "mode", "SIM", "marginMode", "NETTING",
        "currency", "USD", "balance", 2500.5, "leverage", 50, "commissionPerLot", 3.5));

    assertThat(response.status()).isEqualTo(201);
    JsonNode state = response.json();
    assertThat(state.path("id").asString()).isEqualTo(id);
    assertThat(state.path("mode").asString()).isEqualTo("SIM");
    assertThat(state.path("marginMode").asString()).isEqualTo("NETTING");
    assertThat(state.path("leverage").asInt()).isEqualTo(50);
    assertThat(state.path("balance").decimalValue()).isEqualByComparingTo("2500.50");
    assertThat(state.path("equity").decimalValue()).isEqualByComparingTo("2500.50");
    assertThat(state.path("marginLevel").isNull()).isTrue();
    assertThat(state.path("positions").isArray()).isTrue();
    assertThat(state.path("orders").isArray()).isTrue();
  }

  @Test
  void the_servers_time_zone_is_an_account_policy_shown_in_its_state_and_kept_across_a_restart() {
    String id = "athens-" + UUID.randomUUID().toString().substring(0, 8);

    Http.Response created = http.post("/api/broker/create", Map.of("id", id, "balance", 1000,
        "policies", Map.of("serverTimeZone", "Europe/Athens")));
    Http.Response badZone = http.post("/api/broker/create", Map.of("id", "zone-x", "balance", 1000,
        "policies", Map.of("serverTimeZone", "GMT+2 (EET)")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("serverTimeZone").asString()).isEqualTo("Europe/Athens");
    assertThat(badZone.status()).isEqualTo(422);
    assertThat(badZone.json().path("error").path("field").asString()).isEqualTo("policies.serverTimeZone");
    assertThat(http.get("/api/broker/zone-x/state").status()).isEqualTo(404);
    assertThat(http.get("/api/broker/" + account("HEDGING") + "/state").json().path("serverTimeZone").asString())
        .isEqualTo("UTC");

    bridge.close();
    bridge = RunningBridge.start(db.url());
    http = bridge.http();

    assertThat(http.get("/api/broker/" + id + "/state").json().path("serverTimeZone").asString())
        .isEqualTo("Europe/Athens");
  }

  @Test
  void an_existing_id_is_409_conflict() {
    String id = account("HEDGING");

    Http.Response again = http.post("/api/broker/create", Map.of("id", id, "balance", 1));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("CONFLICT");
  }

  @Test
  void a_symbol_spec_past_what_an_account_can_store_or_count_is_422_and_the_database_stays_up() {
    // contractSize 10^14 - 1 did not fit its column: the insert failed, the answer was 503 and /health DOWN.
    Http.Response contract = http.post("/api/broker/create", Map.of("id", "spec-contract",
        "symbols", List.of(Map.of("name", "EURUSD", "contractSize", 99999999999999L))));
    // 10^10 lots counted in 10^-8 steps would not fit a long.
    Http.Response lots = http.post("/api/broker/create", Map.of("id", "spec-lots",
        "symbols", List.of(Map.of("name", "EURUSD", "volumeMax", 10000000000L))));
    // Its column keeps 10 decimals: the 11th would have been rounded away on the way to the database.
    Http.Response tickValue = http.post("/api/broker/create", "{\"id\":\"spec-tv\",\"symbols\":[{\"name\":\"EURUSD\","
        + "\"tickValue\":1.00000000001}]}");
    // A tick as large as the largest price a 5-digit symbol can have.
    Http.Response tickSize = http.post("/api/broker/create", "{\"id\":\"spec-ts\",\"symbols\":[{\"name\":\"EURUSD\","
        + "\"tickSize\":10000000000}]}");
    Http.Response largest = http.post("/api/broker/create", Map.of("id", "spec-largest",
        "symbols", List.of(Map.of("name", "EURUSD", "contractSize", 9999999999L, "volumeMax", 9999999999L))));

    assertThat(contract.status()).as(contract.toString()).isEqualTo(422);
    assertThat(contract.json().path("error").path("field").asString()).isEqualTo("symbols[0].contractSize");
    assertThat(contract.json().path("error").path("message").asString())
        .contains("contractSize must be under 10^10 with at most 8 decimals");
    assertThat(lots.json().path("error").path("field").asString()).isEqualTo("symbols[0].volumeMax");
    assertThat(tickValue.json().path("error").path("field").asString()).isEqualTo("symbols[0].tickValue");
    assertThat(tickSize.json().path("error").path("field").asString()).isEqualTo("symbols[0].tickSize");
    assertThat(tickSize.json().path("error").path("message").asString()).contains("under 10^10");
    assertThat(http.get("/api/broker/spec-contract/state").status()).isEqualTo(404);
    assertThat(largest.status()).as(largest.toString()).isEqualTo(201);
    assertThat(http.get("/health").json().path("database").asString()).isEqualTo("UP");
  }

  @Test
  void an_account_stored_before_the_spec_bounds_still_loads_after_a_restart() {
    String id = account("HEDGING");
    // As an account created by an earlier version could hold it: past what a new spec may have.
    db.dsl().execute("UPDATE symbols SET tick_value = 99999999999999 WHERE account_id = ? AND name = 'EURUSD'", id);

    bridge.close();
    bridge = RunningBridge.start(db.url());
    http = bridge.http();

    // Before, the bounds sat in SymbolSpec's constructor: its rebuild failed and the bridge never got ready.
    assertThat(http.get("/api/broker/" + id + "/state").status()).isEqualTo(200);
  }

  @Test
  void a_bad_account_request_is_422_naming_the_field_and_creates_nothing() {
    Http.Response badId = http.post("/api/broker/create", Map.of("id", "Bad Id!", "balance", 1));
    Http.Response badLeverage = http.post("/api/broker/create", Map.of("id", "lev-x", "leverage", 0));
    Http.Response unknownField = http.post("/api/broker/create", Map.of("id", "typo-x", "balanse", 1));
    Http.Response badSpec = http.post("/api/broker/create", Map.of("id", "spec-x",
        "symbols", List.of(Map.of("name", "EURUSD", "volumeStep", 0))));

    assertThat(badId.status()).isEqualTo(422);
    assertThat(badId.json().path("error").path("field").asString()).isEqualTo("id");
    assertThat(badLeverage.json().path("error").path("field").asString()).isEqualTo("leverage");
    assertThat(unknownField.json().path("error").path("field").asString()).isEqualTo("balanse");
    assertThat(badSpec.json().path("error").path("field").asString()).isEqualTo("symbols[0].volumeStep");
    assertThat(http.get("/api/broker/lev-x/state").status()).isEqualTo(404);
  }

  @Test
  void the_equity_curve_comes_point_by_point_or_in_steps_with_each_steps_lowest_and_highest_equity() {
    String id = account("HEDGING");

    JsonNode points = http.get("/api/broker/" + id + "/equity").json();
    JsonNode hours = http.get("/api/broker/" + id + "/equity?step=1h").json();

    // A new account's curve is its opening: 10,000.00 deposited.
    assertThat(points).hasSize(1);
    assertThat(points.get(0).path("equity").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(points.get(0).has("equityLow")).isFalse();
    assertThat(hours).hasSize(1);
    assertThat(hours.get(0).path("time").asString()).isEqualTo(points.get(0).path("time").asString());
    assertThat(hours.get(0).path("equityLow").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(hours.get(0).path("equityHigh").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(http.get("/api/broker/" + id + "/equity?step=PT15M").status()).isEqualTo(200);
    // A bare number is seconds: it was refused, in a message that said "whole seconds".
    assertThat(http.get("/api/broker/" + id + "/equity?step=3600").json()).isEqualTo(hours);
    for (String bad : List.of("banana", "0s", "PT0.5S", "32d", "-1h", "1w")) {
      Http.Response refused = http.get("/api/broker/" + id + "/equity?step=" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(422);
      assertThat(refused.json().path("error").path("field").asString()).isEqualTo("step");
    }
  }

  @Test
  void the_deals_of_one_magic_number_are_listed_alone() {
    String id = account("HEDGING");
    tick("USDCHF", "0.88000", "0.88020");
    http.post("/api/broker/" + id + "/buy", Map.of("symbol", "USDCHF", "volume", 0.1, "magic", 11));
    http.post("/api/broker/" + id + "/sell", Map.of("symbol", "USDCHF", "volume", 0.2, "magic", 12));

    JsonNode eleven = http.get("/api/broker/" + id + "/trades?magic=11").json();
    Http.Response negative = http.get("/api/broker/" + id + "/trades?magic=-1");

    assertThat(http.get("/api/broker/" + id + "/trades").json()).hasSize(3); // the deposit and the two
    assertThat(eleven).hasSize(1);
    assertThat(eleven.get(0).path("type").asString()).isEqualTo("BUY");
    assertThat(eleven.get(0).path("volume").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.json().path("error").path("field").asString()).isEqualTo("magic");
  }

  @Test
  void a_new_account_trades_at_once_on_the_last_price_the_bridge_has_seen() {
    account("HEDGING");
    tick("XAUUSD", "2650.15", "2650.45");
    String later = account("HEDGING");
    Http.Response coarse = http.post("/api/broker/create", Map.of("id", "coarse-" + later, "balance", 10000,
        "symbols", List.of(Map.of("name", "XAUUSD", "digits", 1, "tickSize", 0.1))));
    assertThat(coarse.status()).as(coarse.toString()).isEqualTo(201);

    Http.Response buy = http.post("/api/broker/" + later + "/buy", Map.of("symbol", "XAUUSD", "volume", 0.1));
    Http.Response coarseBuy = http.post("/api/broker/coarse-" + later + "/buy", Map.of("symbol", "XAUUSD",
        "volume", 0.1));

    assertThat(buy.status()).as(buy.toString()).isEqualTo(200);
    assertThat(buy.json().path("price").decimalValue()).isEqualByComparingTo("2650.45");
    // 2650.15 has more digits than this account's XAUUSD takes: no price until its own next tick.
    assertThat(coarseBuy.json().path("retcode").asInt()).isEqualTo(10018);
  }

  @Test
  void a_buy_fills_at_the_ask_and_the_state_shows_the_position_valued_at_the_bid() {
    String id = account("HEDGING");
    tick("GBPUSD", "1.27000", "1.27020");

    Http.Response buy = http.post("/api/broker/" + id + "/buy", Map.of("symbol", "GBPUSD", "volume", 1.0,
        "sl", 1.26, "comment", "api test"));
    tick("GBPUSD", "1.27100", "1.27120");
    JsonNode state = http.get("/api/broker/" + id + "/state").json();

    assertThat(buy.status()).isEqualTo(200);
    assertThat(buy.json().path("retcode").asInt()).isEqualTo(10009);
    assertThat(buy.json().path("retcodeName").asString()).isEqualTo("DONE");
    assertThat(buy.json().path("price").decimalValue()).isEqualByComparingTo("1.27020");
    assertThat(buy.json().has("error")).isFalse();
    JsonNode position = state.path("positions").get(0);
    assertThat(position.path("ticket").asLong()).isEqualTo(buy.json().path("position").asLong());
    assertThat(position.path("type").asString()).isEqualTo("BUY");
    assertThat(position.path("priceOpen").decimalValue()).isEqualByComparingTo("1.27020");
    assertThat(position.path("priceCurrent").decimalValue()).isEqualByComparingTo("1.27100");
    assertThat(position.path("sl").decimalValue()).isEqualByComparingTo("1.26000");
    // (1.27100 - 1.27020) x 100,000 = 80.00
    assertThat(position.path("profit").decimalValue()).isEqualByComparingTo("80.00");
    assertThat(position.path("comment").asString()).isEqualTo("api test");
    assertThat(state.path("equity").decimalValue()).isEqualByComparingTo("10080.00");
  }

  @Test
  void a_refused_trade_is_422_with_the_trade_result_and_the_error() {
    String id = account("HEDGING");
    tick("AUDUSD", "0.65000", "0.65020");

    Http.Response response = http.post("/api/broker/" + id + "/buy", Map.of("symbol", "AUDUSD", "volume", 0.005));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("retcode").asInt()).isEqualTo(10014);
    assertThat(response.json().path("retcodeName").asString()).isEqualTo("INVALID_VOLUME");
    assertThat(response.errorCode()).isEqualTo("INVALID");
    assertThat(response.json().path("error").path("field").asString()).isEqualTo("volume");
    assertThat(http.get("/api/broker/" + id + "/state").json().path("positions")).isEmpty();
  }

  @Test
  void a_limit_order_is_placed_then_cancelled() {
    String id = account("HEDGING");
    tick("USDCHF", "0.88000", "0.88020");

    Http.Response placed = http.post("/api/broker/" + id + "/sell", Map.of("symbol", "USDCHF", "volume", 0.5,
        "type", "LIMIT", "price", 0.885, "expiration", Map.of("type", "GTC")));
    JsonNode order = http.get("/api/broker/" + id + "/state").json().path("orders").get(0);
    Http.Response cancelled = http.post("/api/broker/" + id + "/cancel", Map.of("order", placed.json().path("order")
        .asLong()));

    assertThat(placed.status()).isEqualTo(200);
    assertThat(placed.json().path("retcodeName").asString()).isEqualTo("PLACED");
    assertThat(order.path("type").asString()).isEqualTo("SELL_LIMIT");
    assertThat(order.path("priceOpen").decimalValue()).isEqualByComparingTo("0.88500");
    assertThat(order.path("expiration").path("type").asString()).isEqualTo("GTC");
    assertThat(cancelled.json().path("retcodeName").asString()).isEqualTo("DONE");
    assertThat(http.get("/api/broker/" + id + "/state").json().path("orders")).isEmpty();
  }

  @Test
  void close_partial_whole_and_all_answer_with_results() {
    String id = account("HEDGING");
    tick("USDCAD", "1.36000", "1.36020");
    long first = http.post("/api/broker/" + id + "/buy", Map.of("symbol", "USDCAD", "volume", 1)).json()
        .path("position").asLong();
    http.post("/api/broker/" + id + "/sell", Map.of("symbol", "USDCAD", "volume", 1));
    http.post("/api/broker/" + id + "/buy", Map.of("symbol", "USDCAD", "volume", 1));

    Http.Response partial = http.post("/api/broker/" + id + "/close", Map.of("position", first, "volume", 0.4));
    Http.Response whole = http.post("/api/broker/" + id + "/close", Map.of("position", first));
    Http.Response all = http.post("/api/broker/" + id + "/close", Map.of());
    Http.Response none = http.post("/api/broker/" + id + "/close", Map.of("position", first));

    assertThat(partial.json().path("results").get(0).path("volume").decimalValue()).isEqualByComparingTo("0.4");
    assertThat(whole.json().path("results").get(0).path("volume").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().path("results")).hasSize(2);
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.json().path("results").get(0).path("retcodeName").asString()).isEqualTo("POSITION_CLOSED");
    assertThat(http.get("/api/broker/" + id + "/state").json().path("positions")).isEmpty();
  }

  @Test
  void modify_moves_a_positions_stops() {
    String id = account("HEDGING");
    tick("EURGBP", "0.85000", "0.85020");
    tick("GBPUSD", "1.27000", "1.27020");
    tick("EURUSD", "1.10000", "1.10020");
    long position = http.post("/api/broker/" + id + "/buy", Map.of("symbol", "EURGBP", "volume", 0.1)).json()
        .path("position").asLong();

    Http.Response modified = http.post("/api/broker/" + id + "/modify", Map.of("position", position,
        "sl", 0.849, "tp", 0.86));

    assertThat(modified.status()).as(modified.toString()).isEqualTo(200);
    JsonNode shown = http.get("/api/broker/" + id + "/state").json().path("positions").get(0);
    assertThat(shown.path("sl").decimalValue()).isEqualByComparingTo("0.84900");
    assertThat(shown.path("tp").decimalValue()).isEqualByComparingTo("0.86000");
  }

  @Test
  void trades_are_listed_oldest_first_with_the_contracts_fields() {
    String id = account("NETTING");
    tick("EURJPY", "160.000", "160.020");
    tick("USDJPY", "150.000", "150.020");
    tick("EURUSD", "1.10000", "1.10020");
    http.post("/api/broker/" + id + "/buy", Map.of("symbol", "EURJPY", "volume", 0.1));
    http.post("/api/broker/" + id + "/sell", Map.of("symbol", "EURJPY", "volume", 0.1));

    JsonNode trades = http.get("/api/broker/" + id + "/trades").json();
    JsonNode limited = http.get("/api/broker/" + id + "/trades?limit=1").json();

    assertThat(trades).hasSize(3); // the deposit, the buy, the sell
    assertThat(trades.get(0).path("type").asString()).isEqualTo("BALANCE");
    JsonNode out = trades.get(2);
    assertThat(out.path("entry").asString()).isEqualTo("OUT");
    assertThat(out.path("reason").asString()).isEqualTo("EXPERT");
    // (160.000 - 160.020) x 10,000 = -200 JPY; / USDJPY mid 150.010 = -1.3332... -> -1.33 USD
    assertThat(out.path("profit").decimalValue()).isEqualByComparingTo("-1.33");
    assertThat(limited).hasSize(1);
    assertThat(limited.get(0).path("ticket").asLong()).isEqualTo(out.path("ticket").asLong());
  }

  @Test
  void all_accounts_are_listed_with_counts_and_no_positions() {
    String id = account("HEDGING");

    JsonNode all = http.get("/api/broker/all").json();

    JsonNode mine = null;
    for (JsonNode a : all) {
      if (a.path("id").asString().equals(id)) {
        mine = a;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("positionsCount").asInt()).isZero();
    assertThat(mine.path("ordersCount").asInt()).isZero();
    assertThat(mine.path("latencyMs").asLong()).isZero();
    assertThat(mine.has("positions")).isFalse();
  }

  @Test
  void a_tick_with_bid_above_ask_or_an_unknown_symbol_is_422_and_changes_nothing() {
    Http.Response inverted = http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.2,\"ask\":1.1}");
    Http.Response unknown = http.post("/api/ticks", "{\"symbol\":\"NOPE\",\"bid\":1.1,\"ask\":1.2}");
    Http.Response batch = http.post("/api/ticks", "[{\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.2},"
        + "{\"symbol\":\"EURUSD\",\"bid\":-1,\"ask\":1.2}]");

    assertThat(inverted.status()).isEqualTo(422);
    assertThat(inverted.json().path("error").path("field").asString()).isEqualTo("bid");
    assertThat(unknown.json().path("error").path("field").asString()).isEqualTo("symbol");
    assertThat(batch.status()).isEqualTo(422);
    assertThat(batch.json().path("error").path("field").asString()).isEqualTo("[1].bid");
  }

  @Test
  void a_price_or_amount_beyond_what_an_account_can_count_is_422_and_changes_nothing() {
    String account = account("HEDGING");
    tick("EURUSD", "1.10000", "1.10020");
    Http.Response bought = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 0.1));
    assertThat(bought.status()).as(bought.toString()).isEqualTo(200);

    // EURUSD's 5 digits: a price is counted in 10^-5 units in a long, so 10^10 is past the bound of 10^(15-5).
    Http.Response tooHigh = http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":10000000000,\"ask\":10000000000}");
    Http.Response exponent = http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1e400,\"ask\":1e400}");
    Http.Response balance = http.post("/api/broker/create", "{\"id\":\"huge-x\",\"balance\":1e400}");
    Http.Response rich = http.post("/api/broker/create", "{\"id\":\"huge-x\",\"balance\":900000000000000}");
    Http.Response richest = http.post("/api/broker/create", "{\"id\":\"rich-x\",\"balance\":10000000000}");
    Http.Response tiny = http.post("/api/broker/" + account + "/buy", "{\"symbol\":\"EURUSD\",\"volume\":1e-400}");
    // A price EURUSD can have, but 0.1 lot at it is worth 10^14 USD, past the 9.2 * 10^10 an account
    // counts: the account ignores it, keeps its last price, and the next request and tick go through.
    Http.Response highest;
    Http.Response afterIt;
    List<String> warnings;
    try (CapturedLogs logs = new CapturedLogs()) {
      highest = http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":9999999999.99998,"
          + "\"ask\":9999999999.99999}");
      // The account runs its queue in order: once this buy is answered, the tick before it has been seen.
      afterIt = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 0.2));
      warnings = logs.lines().stream().filter(line -> line.contains("cannot value its positions")).toList();
    }
    JsonNode kept = http.get("/api/broker/" + account + "/state").json();
    tick("EURUSD", "1.10100", "1.10120");

    assertThat(tooHigh.status()).as(tooHigh.toString()).isEqualTo(422);
    assertThat(tooHigh.json().path("error").path("message").asString()).contains("beyond any price EURUSD can have");
    assertThat(exponent.status()).isEqualTo(422);
    assertThat(exponent.json().path("error").path("field").asString()).isEqualTo("bid");
    assertThat(balance.status()).as(balance.toString()).isEqualTo(422);
    assertThat(balance.json().path("error").path("field").asString()).isEqualTo("balance");
    assertThat(balance.json().path("error").path("message").asString()).contains("under 10^15");
    assertThat(tiny.status()).isEqualTo(422);
    assertThat(tiny.json().path("error").path("field").asString()).isEqualTo("volume");
    assertThat(rich.status()).as(rich.toString()).isEqualTo(422);
    assertThat(rich.json().path("error").path("message").asString()).isEqualTo("balance must be at most 10000000000");
    assertThat(http.get("/api/broker/huge-x/state").status()).isEqualTo(404);
    assertThat(richest.status()).as(richest.toString()).isEqualTo(201);
    assertThat(highest.status()).as(highest.toString()).isEqualTo(200);
    assertThat(afterIt.status()).as(afterIt.toString()).isEqualTo(200);
    assertThat(afterIt.json().path("price").decimalValue()).isEqualByComparingTo("1.10020");
    assertThat(warnings).singleElement().asString()
        .contains("account=" + account, "symbol=EURUSD", "bid=9999999999.99998", "ignored=1");
    assertThat(kept.path("positions").get(0).path("priceCurrent").decimalValue()).isEqualByComparingTo("1.10000");
    JsonNode state = http.get("/api/broker/" + account + "/state").json();
    assertThat(state.path("positions")).hasSize(2);
    // Two longs of 0.1 and 0.2 lot bought at 1.10020, valued at the bid of 1.10100: 8 + 16 = 24 USD.
    assertThat(state.path("profit").decimalValue()).isEqualByComparingTo("24.00");
  }

  @Test
  void ticks_can_come_as_an_array_and_are_counted() {
    account("HEDGING");

    Http.Response response = http.post("/api/ticks", "[{\"symbol\":\"XAUUSD\",\"bid\":2400.10,\"ask\":2400.60},"
        + "{\"symbol\":\"XAUUSD\",\"bid\":2400.20,\"ask\":2400.70}]");

    assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
  }

  @Test
  void an_unknown_account_is_404() {
    assertThat(http.get("/api/broker/nobody/state").status()).isEqualTo(404);
    assertThat(http.post("/api/broker/nobody/buy", Map.of("symbol", "EURUSD", "volume", 1)).errorCode())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void a_body_that_is_not_json_is_400_and_another_content_type_415() {
    String id = account("HEDGING");

    Http.Response broken = http.post("/api/broker/" + id + "/buy", "{\"symbol\": \"EURUSD\", ");
    Http.Response text = http.post("/api/broker/" + id + "/buy", "text/plain", "buy EURUSD 1");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.errorCode()).isEqualTo("MALFORMED");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void a_compressed_body_is_415_naming_the_encoding_and_trades_nothing() throws IOException {
    String id = account("HEDGING");
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write("{\"symbol\":\"EURUSD\",\"volume\":1}".getBytes(StandardCharsets.UTF_8));
    }

    Http.Response response = http.send("POST", "/api/broker/" + id + "/buy",
        Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), gzipped.toByteArray());

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(response.json().path("error").path("message").asString())
        .isEqualTo("send the JSON uncompressed: Content-Encoding gzip is not read");
    assertThat(http.get("/api/broker/" + id + "/state").json().path("positions")).isEmpty();
  }

  @Test
  void a_body_over_a_mebibyte_is_413_too_large() {
    byte[] body = new byte[(1 << 20) + 1];

    Http.Response response = http.send("POST", "/api/ticks", Map.of("Content-Type", "application/json"), body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("TOO_LARGE");
  }

  @Test
  void consolidated_views_add_up_across_accounts() {
    String a = account("HEDGING");
    String b = account("NETTING");
    tick("EURUSD", "1.10000", "1.10020");
    http.post("/api/broker/" + a + "/buy", Map.of("symbol", "EURUSD", "volume", 1));
    http.post("/api/broker/" + b + "/sell", Map.of("symbol", "EURUSD", "volume", 2));

    JsonNode positions = http.get("/api/consolidated/positions").json();
    JsonNode pnl = http.get("/api/consolidated/pnl?currency=USD").json();

    List<String> accounts = new java.util.ArrayList<>();
    positions.path("positions").forEach(p -> accounts.add(p.path("account").asString()));
    assertThat(accounts).contains(a, b);
    assertThat(positions.path("total").asInt()).isEqualTo(positions.path("positions").size());
    assertThat(pnl.path("totalPnl").decimalValue())
        .isEqualByComparingTo(pnl.path("realizedPnl").decimalValue().add(pnl.path("unrealizedPnl").decimalValue()));
  }
}
