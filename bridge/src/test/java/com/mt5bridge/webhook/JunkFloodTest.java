package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Junk posted to the public webhook cannot fill the database: beyond the budget for senders
 * without a strategy's secret, refusals are answered as ever but counted instead of journaled,
 * while a strategy's own alerts are journaled whatever the flood.
 */
class JunkFloodTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "fl00d-guarded-0123456789";

  @Test
  void a_flood_naming_no_strategy_is_journaled_up_to_its_budget_and_counted_beyond_it() {
    Http http = bridge.http();
    String account = bridge.floor().account("HEDGING");
    bridge.floor().strategy("guarded", account, SECRET, Map.of());
    String junk = "{\"secret\":\"guess\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"comment\":\"" + "junk ".repeat(800)
        + "\"}";

    long started = System.nanoTime();
    List<Http.Response> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(http.post("/webhook/nobody", "application/json", junk));
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
    });
    List<String> ids = answers.stream().filter(a -> a.json().has("signal"))
        .map(a -> a.json().path("signal").asString()).toList();
    // 30 at once, and one more for each second the forty took.
    assertThat((long) ids.size()).isBetween(30L, 31L + seconds);
    assertThat(http.get("/health").json().path("unauthenticatedNotJournaled").asLong()).isEqualTo(40L - ids.size());
    eventually(Duration.ofSeconds(5), () -> assertThat(
        http.get("/api/signals?status=REJECTED&limit=100").json().valueStream().map(s -> s.path("id").asString()))
        .containsExactlyInAnyOrderElementsOf(ids));

    // The strategy's own sender, and one guessing its secret, still reach the journal.
    Http.Response badField = http.post("/webhook/guarded", "text/plain", SECRET + ",buy,EURUSD,vol=abc");
    Http.Response wrongSecret = http.post("/webhook/guarded", "text/plain", "not-the-secret-0123,buy,EURUSD");
    assertThat(badField.status()).isEqualTo(422);
    assertThat(wrongSecret.status()).isEqualTo(401);
    for (Http.Response refused : List.of(badField, wrongSecret)) {
      String id = refused.json().path("signal").asString();
      eventually(Duration.ofSeconds(5), () ->
          assertThat(http.get("/api/signals/" + id).json().path("strategy").asString()).isEqualTo("guarded"));
    }
  }
}
