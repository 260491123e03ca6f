package com.mt5bridge.webhook;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The signal journal through the API: newest first, bodies with the secret masked, tied to its deals. */
class SignalJournalTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "j0urnal-0123456789xyz";

  private static Http http;
  private static String account;

  @BeforeAll
  static void start() {
    http = bridge.http();
    TradingFloor floor = bridge.floor();
    account = floor.account("HEDGING");
    floor.strategy("journal", account, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  @Test
  void an_executed_signal_is_journaled_with_its_result_and_tied_to_its_deal() {
    Http.Response answer = http.post("/webhook/journal", "text/plain", SECRET + ",buy,EURUSD,vol=0.2,comment=j1");
    String id = answer.json().path("signal").asString();

    JsonNode signal = http.get("/api/signals/" + id).json();

    assertThat(signal.path("status").asString()).isEqualTo("EXECUTED");
    assertThat(signal.path("strategy").asString()).isEqualTo("journal");
    assertThat(signal.path("account").asString()).isEqualTo(account);
    assertThat(signal.path("action").asString()).isEqualTo("buy");
    assertThat(signal.path("symbol").asString()).isEqualTo("EURUSD");
    assertThat(signal.path("sourceIp").asString()).isEqualTo("127.0.0.1");
    assertThat(signal.path("contentType").asString()).startsWith("text/plain");
    assertThat(signal.path("body").asString()).isEqualTo("***,buy,EURUSD,vol=0.2,comment=j1");
    assertThat(signal.path("results")).isEqualTo(answer.json().path("results"));
    assertThat(signal.path("receivedAt").asString()).isNotEmpty();
    assertThat(signal.path("completedAt").asString()).isNotEmpty();
    Record deal = bridge.dsl().fetchOne("SELECT volume, magic FROM trades WHERE signal_id = ?", id);
    assertThat(deal).isNotNull();
    assertThat(deal.get("volume", java.math.BigDecimal.class)).isEqualByComparingTo("0.2");
  }

  @Test
  void a_broker_refusal_is_journaled_with_the_sentence_the_sender_was_told_and_a_repeat_tells_it_too() {
    // 50 lots of EURUSD at 1.10020 and 1:100 need 55,010 USD of margin; the account has 10,000.
    String alert = "{\"secret\":\"" + SECRET + "\",\"strategy\":\"journal\",\"action\":\"buy\","
        + "\"symbol\":\"EURUSD\",\"volume\":50,\"id\":\"too-big\",\"time\":\"2026-11-22T10:00:00Z\"}";
    JsonNode answer = http.post("/webhook", "application/json", alert).json();
    String id = answer.path("signal").asString();
    assertThat(answer.path("status").asString()).isEqualTo("REJECTED");
    assertThat(answer.path("message").asString()).startsWith("the broker refused: NO_MONEY");

    JsonNode signal = http.get("/api/signals/" + id).json();
    assertThat(signal.path("message").asString()).isEqualTo(answer.path("message").asString());
    assertThat(signal.path("results").get(0).path("retcode").asInt()).isEqualTo(10019);

    // Past the claim's second in memory, the repeat is answered from the journal.
    eventually(Duration.ofSeconds(5), () -> {
      JsonNode repeat = http.post("/webhook", "application/json", alert).json();
      assertThat(repeat.path("status").asString()).isEqualTo("DUPLICATE");
      assertThat(repeat.path("message").asString()).contains("as REJECTED; not executed again")
          .endsWith("(" + answer.path("message").asString() + ")");
    });
  }

  @Test
  void the_journal_lists_a_strategy_newest_first_with_secrets_masked() {
    http.post("/webhook", "application/json", "{\"secret\":\"" + SECRET
        + "\",\"strategy\":\"journal\",\"action\":\"sell\",\"symbol\":\"EURUSD\",\"comment\":\"j2\"}");
    http.post("/webhook/journal?secret=" + SECRET, "application/json",
        "{\"action\":\"flat\",\"symbol\":\"EURUSD\",\"comment\":\"j3\"}");

    eventually(Duration.ofSeconds(5), () -> {
      List<JsonNode> signals = http.get("/api/signals?strategy=journal&limit=2").json().valueStream().toList();
      assertThat(signals).hasSize(2);
      assertThat(signals.get(0).path("action").asString()).isEqualTo("flat");
      assertThat(signals.get(1).path("action").asString()).isEqualTo("sell");
      assertThat(signals.get(1).path("body").asString()).contains("\"secret\":\"***\"").doesNotContain(SECRET);
    });
  }

  @Test
  void a_refused_alert_is_answered_with_the_id_under_which_the_journal_keeps_it_and_logged() {
    Http.Response answer;
    List<String> logged;
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      answer = http.post("/webhook/journal", "text/plain", SECRET + ",buy,EURUSD,vol=0.001");
      logged = logs.lines();
    }

    assertThat(answer.status()).isEqualTo(422);
    assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("signal refused ")
        .contains("signal=" + answer.json().path("signal").asString(), "strategy=journal", "account=" + account,
            "code=INVALID", "field=volume"));
    assertThat(answer.json().path("error").path("field").asString()).isEqualTo("volume");
    String id = answer.json().path("signal").asString();
    assertThat(id).isNotBlank();
    eventually(Duration.ofSeconds(5), () -> {
      JsonNode signal = http.get("/api/signals/" + id).json();
      assertThat(signal.path("status").asString()).isEqualTo("REJECTED");
      assertThat(signal.path("error").path("code").asString())
          .isEqualTo(answer.json().path("error").path("code").asString());
    });
  }

  @Test
  void a_refusal_before_the_fields_are_checked_still_shows_what_the_alert_asked() {
    bridge.floor().strategy("journal-mapped", account, SECRET, Map.of("magic", 1002, "symbolMap", Map.of("GOLD", "XAUUSD")));

    // An unknown strategy: no map to apply, so the ticker as sent without its exchange prefix.
    String unknown = http.post("/webhook/nobody", "application/json",
        "{\"secret\":\"" + SECRET + "\",\"action\":\"Short\",\"symbol\":\"OANDA:EURUSD\"}").json()
        .path("signal").asString();
    // A wrong secret and an unfilled placeholder: the strategy's map applies.
    String wrongSecret = http.post("/webhook/journal-mapped", "text/plain", "not-the-secret-0123,closelong,GOLD")
        .json().path("signal").asString();
    String placeholder = http.post("/webhook/journal-mapped", "application/json", "{\"secret\":\"" + SECRET
        + "\",\"action\":\"buy\",\"symbol\":\"TVC:GOLD\",\"price\":\"{{close}}\"}").json()
        .path("signal").asString();

    eventually(Duration.ofSeconds(5), () -> {
      assertAsked(unknown, "NOT_FOUND", "sell", "EURUSD");
      assertAsked(wrongSecret, "UNAUTHORIZED", "closelong", "XAUUSD");
      assertAsked(placeholder, "INVALID", "buy", "XAUUSD");
    });
  }

  @Test
  void a_large_refused_body_is_kept_cut_to_its_first_4_kib() {
    String padded = "{\"secret\":\"wrong-secret-0123456789\",\"action\":\"buy\",\"symbol\":\"EURUSD\","
        + "\"comment\":\"" + "x".repeat(60_000) + "\"}";

    Http.Response answer = http.post("/webhook/journal", "application/json", padded);

    assertThat(answer.status()).isEqualTo(401);
    String id = answer.json().path("signal").asString();
    // The comment has no comma or space: the cut falls at the comma before it.
    eventually(Duration.ofSeconds(5), () -> assertThat(http.get("/api/signals/" + id).json().path("body").asString())
        .isEqualTo("{\"secret\":\"***\",\"action\":\"buy\",\"symbol\":\"EURUSD\"...(cut)"));
  }

  private static void assertAsked(String id, String code, String action, String symbol) {
    JsonNode signal = http.get("/api/signals/" + id).json();
    assertThat(signal.path("status").asString()).isEqualTo("REJECTED");
    assertThat(signal.path("error").path("code").asString()).isEqualTo(code);
    assertThat(signal.path("action").asString()).isEqualTo(action);
    assertThat(signal.path("symbol").asString()).isEqualTo(symbol);
  }

  @Test
  void a_reversal_whose_opening_the_broker_refuses_is_answered_with_what_was_done() {
    TradingFloor floor = bridge.floor();
    String halfAccount = floor.account("HEDGING");
    floor.strategy("half", halfAccount, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    http.post("/webhook/half", "application/json", "{\"secret\":\"" + SECRET
        + "\",\"action\":\"buy\",\"symbol\":\"EURUSD\",\"positionSize\":1}");

    // The long of 1 lot closes at a loss of 20.00; a short of 10 lots needs 11,001.00 USD of margin.
    Http.Response answer;
    List<String> logged;
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Signals.class)) {
      answer = http.post("/webhook/half", "application/json", "{\"secret\":\"" + SECRET
          + "\",\"action\":\"sell\",\"symbol\":\"EURUSD\",\"positionSize\":-10}");
      logged = logs.lines();
    }

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("status").asString()).isEqualTo("EXECUTED");
    assertThat(answer.json().path("results").valueStream().map(result -> result.path("retcode").asInt()))
        .containsExactly(10009, 10019);
    assertThat(answer.json().path("message").asString())
        .startsWith("the broker refused order 2 of 2 (NO_MONEY ")
        .endsWith("free margin is 9980.00); of the others, 1 was carried out");
    assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("signal refused by the broker")
        .contains("signal=" + answer.json().path("signal").asString(), "strategy=half", "account=" + halfAccount,
            "status=EXECUTED",
            "reason=the broker refused order 2 of 2 (NO_MONEY"));
  }

  @Test
  void the_journal_is_read_page_by_page_and_filtered_by_account_and_status() {
    TradingFloor floor = bridge.floor();
    String pagesAccount = floor.account("HEDGING");
    String otherAccount = floor.account("HEDGING");
    floor.strategy("pages", pagesAccount, SECRET, Map.of());
    floor.strategy("pages-b", otherAccount, SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    List<String> sent = new ArrayList<>();
    for (String line : List.of(",buy,EURUSD,vol=0.1", ",buy,EURUSD,vol=0.001", ",sell,EURUSD,vol=0.1",
        ",sell,EURUSD,vol=0.001", ",flat,EURUSD")) {
      sent.add(http.post("/webhook/pages", "text/plain", SECRET + line).json().path("signal").asString());
    }
    String elsewhere = http.post("/webhook/pages-b", "text/plain", SECRET + ",buy,EURUSD,vol=0.1").json()
        .path("signal").asString();
    // The two refusals (volume 0.001) are journaled in the background.
    eventually(Duration.ofSeconds(5), () -> assertThat(ids("/api/signals?strategy=pages")).hasSize(5));

    List<String> all = ids("/api/signals?strategy=pages");
    assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
    List<String> paged = new ArrayList<>(ids("/api/signals?strategy=pages&limit=2"));
    assertThat(paged).containsExactlyElementsOf(all.subList(0, 2));
    paged.addAll(ids("/api/signals?strategy=pages&limit=2&before=" + paged.get(1)));
    paged.addAll(ids("/api/signals?strategy=pages&limit=2&before=" + paged.get(3)));
    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(ids("/api/signals?strategy=pages&before=" + all.get(4))).isEmpty();

    assertThat(ids("/api/signals?strategy=pages&status=rejected")).containsExactlyInAnyOrder(sent.get(1), sent.get(3));
    assertThat(ids("/api/signals?status=EXECUTED&account=" + otherAccount)).containsExactly(elsewhere);
    assertThat(ids("/api/signals?strategy=pages&account=" + otherAccount)).isEmpty();
  }

  @Test
  void the_journal_is_read_for_a_window_of_time_from_included_to_excluded() throws InterruptedException {
    TradingFloor floor = bridge.floor();
    floor.strategy("window", floor.account("HEDGING"), SECRET, Map.of());
    floor.tick("EURUSD", "1.10000", "1.10020");
    List<String> sent = new ArrayList<>();
    for (String volume : List.of("0.1", "0.2", "0.3")) { // three bodies: a repeat would be a duplicate
      sent.add(http.post("/webhook/window", "text/plain", SECRET + ",buy,EURUSD,vol=" + volume).json().path("signal")
          .asString());
      Thread.sleep(5); // distinct milliseconds of receipt
    }
    List<String> received = sent.stream()
        .map(id -> http.get("/api/signals/" + id).json().path("receivedAt").asString()).toList();

    assertThat(ids("/api/signals?strategy=window&from=" + received.get(1))).containsExactly(sent.get(2), sent.get(1));
    assertThat(ids("/api/signals?strategy=window&to=" + received.get(1))).containsExactly(sent.get(0));
    assertThat(ids("/api/signals?strategy=window&from=" + received.get(0) + "&to=" + received.get(2)))
        .containsExactly(sent.get(1), sent.get(0));
    Http.Response badTime = http.get("/api/signals?from=yesterday");
    assertThat(badTime.status()).isEqualTo(422);
    assertThat(badTime.json().path("error").path("field").asString()).isEqualTo("from");
    Http.Response backwards = http.get("/api/signals?from=" + received.get(2) + "&to=" + received.get(0));
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().path("error").path("field").asString()).isEqualTo("to");
  }

  @Test
  void an_unknown_signal_is_404_and_a_bad_limit_status_or_cursor_422() {
    Http.Response unknown = http.get("/api/signals/0000");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").path("message").asString()).startsWith("no signal 0000 in the journal. ")
        .endsWith("then it did not trade and may be sent again");
    assertThat(http.get("/api/signals?limit=0").status()).isEqualTo(422);
    Http.Response badStatus = http.get("/api/signals?status=FILLED");
    assertThat(badStatus.status()).isEqualTo(422);
    assertThat(badStatus.json().path("error").path("field").asString()).isEqualTo("status");
    Http.Response badCursor = http.get("/api/signals?before=0000");
    assertThat(badCursor.status()).isEqualTo(422);
    assertThat(badCursor.json().path("error").path("field").asString()).isEqualTo("before");
  }

  private static List<String> ids(String path) {
    Http.Response page = http.get(path);
    assertThat(page.status()).isEqualTo(200);
    return page.json().valueStream().map(signal -> signal.path("id").asString()).toList();
  }

  @Test
  void the_journal_needs_the_admin_token() {
    assertThat(http.withToken(null).get("/api/signals").status()).isEqualTo(401);
  }
}
