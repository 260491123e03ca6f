package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the account does not finish within the wait (here: no wait at all), the webhook answers
 * PENDING with the signal id at once; the signal carries on and its outcome is in the journal.
 */
class PendingAnswerTest {

  @RegisterExtension
  static final TestBridge bridge =
      new TestBridge(new WebhookSettings(Duration.ZERO, Duration.ofSeconds(10), List.of()));

  private static final String SECRET = "pending-0123456789abc";

  private static Http http;
  private static String account;

  @BeforeAll
  static void start() {
    http = bridge.http();
    TradingFloor floor = bridge.floor();
    account = floor.account("HEDGING");
    floor.strategy("pending", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  @Test
  void a_signal_not_finished_in_time_is_answered_pending_and_followed_in_the_journal() {
    Http.Response answer = http.post("/webhook/pending", "text/plain", SECRET + ",buy,EURUSD,vol=0.2");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("status").asString()).isEqualTo("PENDING");
    assertThat(answer.json().path("message").asString()).contains("/api/signals/");
    String id = answer.json().path("signal").asString();
    eventually(Duration.ofSeconds(5), () -> {
      Http.Response signal = http.get("/api/signals/" + id);
      assertThat(signal.status()).isEqualTo(200);
      assertThat(signal.json().path("status").asString()).isEqualTo("EXECUTED");
      assertThat(signal.json().path("results").get(0).path("volume").decimalValue()).isEqualByComparingTo("0.2");
    });
    assertThat(bridge.floor().state(account).path("positions")).hasSize(1);
  }
}
