package com.mt5bridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The things webhook tests set up through the bridge's own API: accounts, strategies, prices, and
 * the shared alert fixtures.
 */
public final class TradingFloor {

  /** The project's copy of the shared alert fixtures, so the tests run from any clone. */
  public static final Path FIXTURES = Path.of("src", "test", "fixtures", "alerts");

  /** Where the shared fixtures live beside the repository, when they do. */
  public static final Path SHARED_FIXTURES = Path.of("..", "..", "shared", "fixtures", "alerts");

  private final Http http;

  public TradingFloor(Http http) {
    this.http = http;
  }

  /** A fresh account with a 10,000 USD balance at 1:100. */
  public String account(String marginMode) {
    String id = "acc-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response created = http.post("/api/broker/create", Map.of("id", id, "mode", "SIM", "marginMode", marginMode,
        "currency", "USD", "balance", 10000, "leverage", 100));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  /**
   * Creates (or re-creates) a strategy; {@code overrides} replace the defaults field by field. A
   * strategy being re-created has its trades on its old account closed and cancelled first, since
   * the bridge deletes no strategy that still holds any.
   */
  public JsonNode strategy(String id, String account, String secret, Map<String, Object> overrides) {
    Http.Response existing = http.get("/api/strategies/" + id);
    if (existing.status() == 200) {
      clear(existing.json().path("account").asString());
      Http.Response deleted = http.delete("/api/strategies/" + id);
      assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("account", account);
    body.put("secret", secret);
    body.put("magic", 1001);
    body.put("sizing", Map.of("mode", "FIXED", "volume", 0.1));
    body.putAll(overrides);
    Http.Response created = http.post("/api/strategies", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** Closes every position and cancels every pending order of the account. */
  public void clear(String account) {
    Http.Response closed = http.post("/api/broker/" + account + "/close", Map.of());
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    for (JsonNode order : state(account).path("orders")) {
      Http.Response cancelled = http.post("/api/broker/" + account + "/cancel",
          Map.of("order", order.path("ticket").asLong()));
      assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }
  }

  public void tick(String symbol, String bid, String ask) {
    Http.Response response = http.post("/api/ticks", "{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":"
        + ask + ",\"time\":\"2026-11-21T10:00:00Z\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  public JsonNode state(String account) {
    Http.Response response = http.get("/api/broker/" + account + "/state");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  public List<JsonNode> deals(String account) {
    return http.get("/api/broker/" + account + "/trades").json().valueStream().toList();
  }

  public static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
