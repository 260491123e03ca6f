package com.mt5bridge.api;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CuttingProxy;
import com.mt5bridge.testing.CuttingProxy.Cut;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import com.mt5bridge.testing.TradingFloor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The connection to MariaDB breaks while a commit is under way, so the bridge cannot know whether it
 * landed. It must not say "nothing was done": a webhook is answered PENDING and its journal entry
 * then tells what the database holds (EXECUTED if the commit landed; REJECTED, and free to be sent
 * again, if not); a trading call is answered 503 OUTCOME_UNKNOWN; an account creation reads the
 * account back to tell. Either way the account is what the database holds, and a repeat of the
 * alert never trades twice.
 */
class UnconfirmedCommitTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String SECRET = "unconfirmed-0123456789";

  private static CuttingProxy proxy;
  private static RunningBridge bridge;
  private static Http http;
  private static TradingFloor floor;

  @BeforeAll
  static void start() throws IOException {
    proxy = new CuttingProxy(db.url());
    bridge = RunningBridge.start(proxy.jdbcUrl());
    http = bridge.http();
    floor = new TradingFloor(http);
  }

  @AfterAll
  static void stop() throws IOException {
    bridge.close();
    proxy.close();
  }

  @Test
  void a_signal_whose_commit_landed_unconfirmed_is_pending_then_executed_and_its_repeat_a_duplicate() {
    String account = accountWithStrategy("landed");
    String alert = alert("landed", "Long-landed");

    int cutsBefore = proxy.cuts();
    proxy.arm(Cut.AFTER_COMMIT);
    JsonNode answer = http.post("/webhook", "application/json", alert).json();

    assertThat(proxy.cuts()).isEqualTo(cutsBefore + 1);
    assertThat(answer.path("status").asString()).isEqualTo("PENDING");
    assertThat(answer.path("message").asString()).contains("not known yet");
    String id = answer.path("signal").asString();
    eventually(Duration.ofSeconds(10), () -> {
      JsonNode signal = http.get("/api/signals/" + id).json();
      assertThat(signal.path("status").asString()).isEqualTo("EXECUTED");
      assertThat(signal.path("results").get(0).path("volume").decimalValue()).isEqualByComparingTo("0.2");
    });
    assertThat(floor.state(account).path("positions")).hasSize(1);

    JsonNode repeat = http.post("/webhook", "application/json", alert).json();
    assertThat(repeat.path("status").asString()).isEqualTo("DUPLICATE");
    assertThat(repeat.path("signal").asString()).isEqualTo(id);
    assertThat(floor.state(account).path("positions")).hasSize(1);
  }

  @Test
  void a_signal_whose_commit_never_landed_is_pending_then_rejected_and_may_be_sent_again() {
    String account = accountWithStrategy("lost");
    String alert = alert("lost", "Long-lost");

    proxy.arm(Cut.BEFORE_COMMIT);
    JsonNode answer = http.post("/webhook", "application/json", alert).json();

    assertThat(answer.path("status").asString()).isEqualTo("PENDING");
    String id = answer.path("signal").asString();
    eventually(Duration.ofSeconds(10), () -> {
      JsonNode signal = http.get("/api/signals/" + id).json();
      assertThat(signal.path("status").asString()).isEqualTo("REJECTED");
      assertThat(signal.path("error").path("message").asString()).contains("not carried out");
    });
    assertThat(floor.state(account).path("positions")).isEmpty();

    // The first never traded, so the same alert sent again trades (until its claim is forgotten, a
    // repeat is answered DUPLICATE of the first and changes nothing). The price went with the lost
    // commit: the account was rebuilt without it.
    floor.tick("EURUSD", "1.10000", "1.10020");
    eventually(Duration.ofSeconds(10), () -> {
      Http.Response again = http.post("/webhook", "application/json", alert);
      assertThat(again.json().path("status").asString()).as(again.toString()).isEqualTo("EXECUTED");
    });
    JsonNode positions = floor.state(account).path("positions");
    assertThat(positions).hasSize(1);
    assertThat(positions.get(0).path("volume").decimalValue()).isEqualByComparingTo("0.2");
  }

  @Test
  void a_trade_whose_commit_landed_unconfirmed_is_503_saying_so_and_the_account_holds_it() {
    String account = floor.account("HEDGING");
    floor.tick("EURUSD", "1.10000", "1.10020");

    proxy.arm(Cut.AFTER_COMMIT);
    Http.Response answer = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 0.3));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorCode()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(answer.json().path("error").path("message").asString()).contains("may or may not have been made");
    JsonNode positions = floor.state(account).path("positions");
    assertThat(positions).hasSize(1);
    assertThat(positions.get(0).path("volume").decimalValue()).isEqualByComparingTo("0.3");
    assertThat(positions.get(0).path("priceOpen").decimalValue()).isEqualByComparingTo("1.10020");
  }

  @Test
  void an_account_whose_creation_landed_unconfirmed_is_created() {
    proxy.arm(Cut.AFTER_COMMIT);
    Http.Response created = http.post("/api/broker/create", Map.of("id", "landed-account", "balance", 2500));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(floor.state("landed-account").path("balance").decimalValue()).isEqualByComparingTo("2500");
    assertThat(http.post("/api/broker/create", Map.of("id", "landed-account", "balance", 2500)).status())
        .isEqualTo(409);
  }

  @Test
  void an_account_whose_creation_never_landed_is_503_and_may_be_created_again() {
    proxy.arm(Cut.BEFORE_COMMIT);
    Http.Response refused = http.post("/api/broker/create", Map.of("id", "lost-account", "balance", 2500));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
    assertThat(http.get("/api/broker/lost-account/state").status()).isEqualTo(404);
    assertThat(http.post("/api/broker/create", Map.of("id", "lost-account", "balance", 2500)).status())
        .isEqualTo(201);
    assertThat(floor.state("lost-account").path("balance").decimalValue()).isEqualByComparingTo("2500");
  }

  private static String accountWithStrategy(String strategy) {
    String account = floor.account("HEDGING");
    floor.strategy(strategy, account, SECRET, Map.of("sizing", Map.of("mode", "FIXED", "volume", 0.2)));
    floor.tick("EURUSD", "1.10000", "1.10020");
    return account;
  }

  private static String alert(String strategy, String orderId) {
    return "{\"secret\":\"" + SECRET + "\",\"strategy\":\"" + strategy + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\","
        + "\"id\":\"" + orderId + "-" + UUID.randomUUID() + "\",\"time\":\"" + Instant.now() + "\"}";
  }
}
