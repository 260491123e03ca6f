package com.mt5bridge.api;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import com.mt5bridge.broker.AccountReads;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The database answers but takes no writes (here a table lock, as a backup or a long ALTER TABLE
 * would hold): every signal would be PENDING. Health says so, DEGRADED with the journal STALLED, and
 * is UP again by itself once the commits go through. Reads of the accounts answer meanwhile, if only
 * to say why they cannot show them.
 */
class JournalStallTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "stall-0123456789abcdef";
  private static final Executor VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

  @Test
  void a_commit_held_back_past_the_limit_makes_health_degraded_until_it_lands() throws SQLException {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.strategy("stall", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    assertThat(health(http).path("journal").asString()).isEqualTo("UP");

    String id;
    try (TableLock held = TableLock.read(bridge.dsl(), "trades")) {
      Http.Response answer = http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1");
      assertThat(answer.json().path("status").asString()).isEqualTo("PENDING");
      id = answer.json().path("signal").asString();
      // Not before the limit: a slow commit is not a stall.
      JsonNode early = health(http);
      assertThat(early.path("status").asString()).isEqualTo("UP");

      // Two more behind it: the operator sees how many wait.
      http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,comment=second");
      http.post("/webhook/stall", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,comment=third");

      eventually(HealthHandler.STALL.plusSeconds(5), () -> {
        JsonNode stalled = health(http);
        assertThat(stalled.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(stalled.path("journal").asString()).isEqualTo("STALLED");
        assertThat(stalled.path("database").asString()).isEqualTo("UP");
        assertThat(stalled.path("signalsPending").asLong()).isEqualTo(3);
      });
    }
    eventually(Duration.ofSeconds(5), () -> {
      JsonNode again = health(http);
      assertThat(again.path("status").asString()).isEqualTo("UP");
      assertThat(again.path("journal").asString()).isEqualTo("UP");
      assertThat(again.path("signalsPending").asLong()).isZero();
    });
    assertThat(http.get("/api/signals/" + id).json().path("status").asString()).isEqualTo("EXECUTED");
  }

  @Test
  void reads_of_an_account_answer_within_their_wait_while_its_commit_is_held() throws Exception {
    Http http = bridge.http();
    TradingFloor floor = bridge.floor();
    String account = floor.account("HEDGING");
    floor.strategy("stall-reads", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    assertThat(http.post("/webhook/stall-reads", "text/plain", SECRET + ",buy,EURUSD,vol=0.1").json()
        .path("status").asString()).isEqualTo("EXECUTED");

    try (TableLock held = TableLock.read(bridge.dsl(), "trades")) {
      // A second entry's commit is held: the account's next turn waits for it, and so would every read.
      assertThat(http.post("/webhook/stall-reads", "text/plain", SECRET + ",buy,EURUSD,vol=0.2").json()
          .path("status").asString()).isEqualTo("PENDING");

      // Asked together, so that all of them wait out their 5 s at once while the lock is held.
      var state = CompletableFuture.supplyAsync(() -> http.get("/api/broker/" + account + "/state"), VIRTUAL);
      var all = CompletableFuture.supplyAsync(() -> http.get("/api/broker/all"), VIRTUAL);
      var positions = CompletableFuture.supplyAsync(() -> http.get("/api/consolidated/positions"), VIRTUAL);
      var pnl = CompletableFuture.supplyAsync(() -> http.get("/api/consolidated/pnl"), VIRTUAL);
      var today = CompletableFuture.supplyAsync(() -> http.get("/api/strategies/stall-reads/today"), VIRTUAL);
      var preview = CompletableFuture.supplyAsync(() -> http.post("/api/strategies/stall-reads/preview", "text/plain",
          SECRET + ",buy,EURUSD,vol=0.3"), VIRTUAL);
      Duration bound = AccountReads.WAIT.plusSeconds(10);

      for (var read : List.of(state, all, today)) {
        Http.Response answer = read.get(bound.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(answer.json().path("error").path("message").asString())
            .startsWith("account " + account + " did not answer within 5 s")
            .contains("the database has not taken it yet");
      }
      // A preview plans on the account's turn too: it waits no longer than a webhook would.
      Http.Response previewed = preview.get(bound.toSeconds(), TimeUnit.SECONDS);
      assertThat(previewed.status()).as(previewed.toString()).isEqualTo(503);
      assertThat(previewed.json().path("error").path("message").asString())
          .startsWith("account " + account + " did not answer in time").contains("the database has not taken it yet");
      // The views across accounts leave it out, named, rather than fail whole.
      JsonNode consolidated = positions.get(bound.toSeconds(), TimeUnit.SECONDS).json();
      assertThat(consolidated.path("accountsLeftOut").path(account).asString()).contains("did not answer within 5 s");
      assertThat(consolidated.path("positions").valueStream().map(p -> p.path("account").asString()))
          .doesNotContain(account);
      assertThat(pnl.get(bound.toSeconds(), TimeUnit.SECONDS).json().path("accountsLeftOut").path(account).asString())
          .contains("did not answer within 5 s");
    }
    // Once the commit lands, the account answers again with both entries.
    eventually(Duration.ofSeconds(5), () -> {
      Http.Response state = http.get("/api/broker/" + account + "/state");
      assertThat(state.status()).isEqualTo(200);
      assertThat(state.json().path("positions").valueStream().map(p -> p.path("volume").decimalValue()))
          .containsExactlyInAnyOrder(new BigDecimal("0.10"), new BigDecimal("0.20"));
    });
    JsonNode consolidated = http.get("/api/consolidated/positions").json();
    assertThat(consolidated.path("accountsLeftOut").has(account)).isFalse();
  }

  private static JsonNode health(Http http) {
    Http.Response response = http.get("/health");
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }
}
