package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A database that takes no writes for a while (a backup, a full disk, a network cut) holds each
 * account's commit, and the signals and orders that come meanwhile wait behind it (a webhook is
 * answered PENDING). When the commit goes through, an entry that waited longer than
 * BRIDGE_ENTRY_MAX_DELAY_SECONDS is not made (it would trade at a price nobody saw, and an API caller
 * may have given up and sent it again); a close still is.
 */
class LateEntriesTest {

  private static final Duration MAX_DELAY = Duration.ofSeconds(2);

  @RegisterExtension
  static final TestBridge bridge = new TestBridge(
      new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(10), List.of(), MAX_DELAY));

  private static final String SECRET = "late-0123456789abcdef";

  @Test
  void an_entry_held_up_behind_a_stalled_commit_past_the_limit_is_not_made_and_a_close_is() throws Exception {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.strategy("late", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    assertThat(hook(http, "buy,EURUSD,vol=0.1").path("status").asString()).isEqualTo("EXECUTED");

    JsonNode held;
    JsonNode late;
    JsonNode close;
    try (TableLock lock = TableLock.read(bridge.dsl(), "trades")) {
      // Traded as it came; its commit waits for the lock. The next two wait behind it for their turn.
      held = hook(http, "buy,EURUSD,vol=0.2");
      late = hook(http, "buy,EURUSD,vol=0.3");
      close = hook(http, "closelong,EURUSD");
      Thread.sleep(MAX_DELAY.plusSeconds(1).toMillis());
    }

    assertThat(List.of(held, late, close)).allSatisfy(answer ->
        assertThat(answer.path("status").asString()).isEqualTo("PENDING"));
    eventually(Duration.ofSeconds(10), () -> assertThat(signal(http, close).path("status").asString())
        .isEqualTo("EXECUTED"));
    assertThat(signal(http, held).path("status").asString()).isEqualTo("EXECUTED");
    JsonNode refused = signal(http, late);
    assertThat(refused.path("status").asString()).isEqualTo("REJECTED");
    assertThat(refused.path("error").path("code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(refused.path("error").path("message").asString()).startsWith("not carried out: the signal waited ")
        .contains("more than the bridge's BRIDGE_ENTRY_MAX_DELAY_SECONDS (2)");
    // The close took the two longs there were: 0.1 and 0.2, not the 0.3 that came too late.
    assertThat(signal(http, close).path("results")).extracting(result -> result.path("volume").decimalValue())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.1"), new BigDecimal("0.2"));
    assertThat(floor.state(account).path("positions")).isEmpty();
    // Nothing was done, so it may be sent again.
    assertThat(hook(http, "buy,EURUSD,vol=0.3").path("status").asString()).isEqualTo("EXECUTED");
  }

  @Test
  void an_api_order_held_up_behind_a_stalled_commit_past_the_limit_is_not_sent() throws Exception {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.tick("EURUSD", "1.10000", "1.10020");

    CompletableFuture<Http.Response> held;
    CompletableFuture<Http.Response> late;
    try (TableLock lock = TableLock.read(bridge.dsl(), "trades")) {
      held = buy(http, account, "0.1");
      Thread.sleep(1_000); // its turn has come and its commit waits for the lock; the next waits behind it
      late = buy(http, account, "0.2");
      Thread.sleep(MAX_DELAY.plusSeconds(1).toMillis());
    }

    assertThat(held.get(10, TimeUnit.SECONDS).json().path("retcodeName").asString()).isEqualTo("DONE");
    Http.Response refused = late.get(10, TimeUnit.SECONDS);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("retcode").asInt()).isEqualTo(10012);
    assertThat(refused.json().path("retcodeName").asString()).isEqualTo("TIMEOUT");
    assertThat(refused.json().path("comment").asString()).startsWith("not sent: the order waited ")
        .endsWith("more than BRIDGE_ENTRY_MAX_DELAY_SECONDS (2); send it again if it still holds");
    assertThat(floor.state(account).path("positions")).extracting(p -> p.path("volume").decimalValue())
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.1"));
  }

  private static CompletableFuture<Http.Response> buy(Http http, String account, String volume) {
    return CompletableFuture.supplyAsync(() -> http.post("/api/broker/" + account + "/buy",
        Map.of("symbol", "EURUSD", "volume", new BigDecimal(volume))), Executors.newVirtualThreadPerTaskExecutor());
  }

  private static JsonNode hook(Http http, String command) {
    return http.post("/webhook/late", "text/plain", SECRET + "," + command).json();
  }

  private static JsonNode signal(Http http, JsonNode answer) {
    return http.get("/api/signals/" + answer.path("signal").asString()).json();
  }
}
