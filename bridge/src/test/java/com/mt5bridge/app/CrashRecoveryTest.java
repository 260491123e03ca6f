package com.mt5bridge.app;

import static com.mt5bridge.store.schema.Tables.BROKER_STATE;
import static com.mt5bridge.store.schema.Tables.ORDERS;
import static com.mt5bridge.store.schema.Tables.POSITIONS;
import static com.mt5bridge.store.schema.Tables.TRADES;
import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.store.schema.tables.records.PositionsRecord;
import com.mt5bridge.store.schema.tables.records.TradesRecord;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The bridge in its own process, killed with SIGKILL in the middle of trading and webhook signals,
 * then started again: nothing acknowledged is lost, nothing is there twice, no signal trades twice,
 * the money adds up, tickets never repeat.
 */
class CrashRecoveryTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String TOKEN = "crash-test-admin-token-0123";
  private static final List<String> ACCOUNTS = List.of("crash-hedging", "crash-netting");

  private static final String SECRET = "crash-strategy-0123456789";

  /** A deal the bridge acknowledged with HTTP 200 before it died. */
  private record Acknowledged(String account, long deal, BigDecimal volume, BigDecimal price) {}

  /** A webhook alert the bridge answered EXECUTED before it died. */
  private record AcknowledgedSignal(String signal, String body) {}

  @Test
  void a_bridge_killed_mid_load_restarts_with_every_acknowledged_trade_exactly_once_and_the_books_balanced()
      throws Exception {
    int port = freePort();
    Path data = Path.of("target", "crash-data", String.valueOf(port));
    Process bridge = startBridge(port, data);
    Http http = new Http(port, TOKEN);
    try {
      awaitReady(http);
      http.post("/api/broker/create", Map.of("id", ACCOUNTS.get(0), "marginMode", "HEDGING", "balance", 100000,
          "commissionPerLot", 1.5));
      http.post("/api/broker/create", Map.of("id", ACCOUNTS.get(1), "marginMode", "NETTING", "balance", 100000,
          "commissionPerLot", 1.5));
      http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}");
      http.post("/api/strategies", Map.of("id", "crash-strategy", "account", ACCOUNTS.get(0), "secret", SECRET,
          "magic", 3001, "sizing", Map.of("mode", "FIXED", "volume", 0.01), "limits", Map.of("maxSignalsPerMinute", 0)));

      Set<Acknowledged> acknowledged = ConcurrentHashMap.newKeySet();
      Set<AcknowledgedSignal> acknowledgedSignals = ConcurrentHashMap.newKeySet();
      Set<String> sentAlerts = ConcurrentHashMap.newKeySet();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> load = new ArrayList<>();
      for (int client = 0; client < 8; client++) {
        int seed = client;
        load.add(Thread.ofVirtual().start(() -> trade(http, new Random(seed), running, acknowledged)));
      }
      for (int client = 0; client < 4; client++) {
        int seed = 100 + client;
        load.add(Thread.ofVirtual().start(() ->
            signals(http, new Random(seed), running, sentAlerts, acknowledgedSignals)));
      }
      load.add(Thread.ofVirtual().start(() -> ticks(http, running)));
      eventually(Duration.ofSeconds(30), () -> {
        assertThat(acknowledged).hasSizeGreaterThan(300);
        assertThat(acknowledgedSignals).hasSizeGreaterThan(100);
      });

      bridge.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
      bridge.waitFor();
      running.set(false);
      for (Thread thread : load) {
        thread.join();
      }

      bridge = startBridge(port, data);
      awaitReady(http);
      // The feed carries on: an account deals only at a price it took since it was loaded.
      http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}");

      for (Acknowledged ack : acknowledged) {
        TradesRecord stored = db.dsl().selectFrom(TRADES)
            .where(TRADES.ACCOUNT_ID.eq(ack.account()), TRADES.TICKET.eq(ack.deal())).fetchOne();
        assertThat(stored).as("acknowledged deal %s", ack).isNotNull();
        assertThat(stored.getVolume()).isEqualByComparingTo(ack.volume());
        assertThat(stored.getPrice()).isEqualByComparingTo(ack.price());
      }
      assertEverySignalTradedAtMostOnce(http, acknowledgedSignals, sentAlerts);
      for (String account : ACCOUNTS) {
        assertBalanceIsTheSumOfItsDeals(http, account);
        assertPositionsAreTheNetOfTheDeals(account);
        assertTicketsNeverRepeat(http, account);
      }
    } finally {
      bridge.destroyForcibly();
      bridge.waitFor();
    }
  }

  /**
   * Every acknowledged signal is in the journal with its one deal; sent again, every alert (answered
   * or cut off by the kill) is a duplicate or, if it never committed, executes now: never twice.
   */
  private void assertEverySignalTradedAtMostOnce(Http http, Set<AcknowledgedSignal> acknowledged, Set<String> sent) {
    for (AcknowledgedSignal ack : acknowledged) {
      assertThat(db.dsl().fetchValue("SELECT status FROM signals WHERE id = ?", ack.signal()))
          .as("journal entry of acknowledged signal %s", ack.signal()).isEqualTo("EXECUTED");
      assertThat(db.dsl().fetchCount(TRADES, TRADES.SIGNAL_ID.eq(ack.signal()))).isOne();
    }
    Set<String> acknowledgedBodies = new HashSet<>();
    acknowledged.forEach(ack -> acknowledgedBodies.add(ack.body()));
    for (String alert : sent) {
      JsonNode again = http.post("/webhook", "application/json", alert).json();
      String status = again.path("status").asString();
      if (acknowledgedBodies.contains(alert)) {
        assertThat(status).as("re-sent acknowledged alert %s", alert).isEqualTo("DUPLICATE");
      } else {
        assertThat(status).as("re-sent unanswered alert %s", alert).isIn("DUPLICATE", "EXECUTED");
      }
    }
    assertThat(db.dsl().fetch("SELECT signal_id FROM trades WHERE signal_id IS NOT NULL "
        + "GROUP BY signal_id HAVING COUNT(*) > 1")).as("signals with two deals").isEmpty();
    assertThat(db.dsl().fetch("SELECT t.signal_id FROM trades t LEFT JOIN signals s ON s.id = t.signal_id "
        + "WHERE t.signal_id IS NOT NULL AND s.id IS NULL")).as("deals without their signal").isEmpty();
  }

  private static void signals(Http http, Random random, AtomicBoolean running, Set<String> sent,
      Set<AcknowledgedSignal> acknowledged) {
    int n = 0;
    while (running.get()) {
      String alert = "{\"secret\":\"" + SECRET + "\",\"strategy\":\"crash-strategy\",\"action\":\""
          + (random.nextBoolean() ? "buy" : "sell") + "\",\"symbol\":\"EURUSD\",\"id\":\"crash-"
          + random.nextInt(1_000_000) + "-" + n++ + "\",\"time\":\"" + java.time.Instant.now() + "\"}";
      sent.add(alert);
      try {
        Http.Response response = http.post("/webhook", "application/json", alert);
        if (response.status() == 200 && response.json().path("status").asString().equals("EXECUTED")) {
          acknowledged.add(new AcknowledgedSignal(response.json().path("signal").asString(), alert));
        }
      } catch (AssertionError connectionLost) {
        return;
      }
    }
  }

  private void assertBalanceIsTheSumOfItsDeals(Http http, String account) {
    BigDecimal sum = db.dsl().select(DSL.sum(TRADES.PROFIT.plus(TRADES.COMMISSION).plus(TRADES.SWAP)))
        .from(TRADES).where(TRADES.ACCOUNT_ID.eq(account)).fetchOne().value1();
    BigDecimal stored = db.dsl().fetchValue(BROKER_STATE.BALANCE, BROKER_STATE.ACCOUNT_ID.eq(account));
    assertThat(stored).as("%s balance in the database", account).isEqualByComparingTo(sum);
    assertThat(http.get("/api/broker/" + account + "/state").json().path("balance").decimalValue())
        .as("%s balance after the restart", account).isEqualByComparingTo(sum);
  }

  /** Per symbol, bought minus sold equals the open positions (longs positive, shorts negative). */
  private void assertPositionsAreTheNetOfTheDeals(String account) {
    Map<String, BigDecimal> netOfDeals = new HashMap<>();
    for (TradesRecord deal : db.dsl().selectFrom(TRADES).where(TRADES.ACCOUNT_ID.eq(account),
        TRADES.TYPE.in("BUY", "SELL"))) {
      BigDecimal signed = deal.getType().equals("BUY") ? deal.getVolume() : deal.getVolume().negate();
      netOfDeals.merge(deal.getSymbol(), signed, BigDecimal::add);
    }
    Map<String, BigDecimal> netOfPositions = new HashMap<>();
    for (PositionsRecord position : db.dsl().selectFrom(POSITIONS).where(POSITIONS.ACCOUNT_ID.eq(account))) {
      BigDecimal signed = position.getType().equals("BUY") ? position.getVolume() : position.getVolume().negate();
      netOfPositions.merge(position.getSymbol(), signed, BigDecimal::add);
    }
    netOfDeals.forEach((symbol, net) -> assertThat(netOfPositions.getOrDefault(symbol, BigDecimal.ZERO))
        .as("%s %s open volume", account, symbol).isEqualByComparingTo(net));
  }

  /** Orders and deals share the account's ticket counter: no ticket twice, and new ones come after. */
  private void assertTicketsNeverRepeat(Http http, String account) {
    List<Long> tickets = new ArrayList<>();
    tickets.addAll(db.dsl().select(TRADES.TICKET).from(TRADES).where(TRADES.ACCOUNT_ID.eq(account))
        .fetch(TRADES.TICKET));
    tickets.addAll(db.dsl().select(ORDERS.TICKET).from(ORDERS).where(ORDERS.ACCOUNT_ID.eq(account))
        .fetch(ORDERS.TICKET));
    assertThat(new HashSet<>(tickets)).as("%s tickets", account).hasSameSizeAs(tickets);
    long highest = tickets.stream().mapToLong(Long::longValue).max().orElseThrow();

    JsonNode next = http.post("/api/broker/" + account + "/buy", Map.of("symbol", "EURUSD", "volume", 0.01)).json();

    assertThat(next.path("retcodeName").asString()).isEqualTo("DONE");
    assertThat(next.path("order").asLong()).isGreaterThan(highest);
  }

  private static void trade(Http http, Random random, AtomicBoolean running, Set<Acknowledged> acknowledged) {
    while (running.get()) {
      String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
      String side = random.nextBoolean() ? "buy" : "sell";
      String volume = "0." + (1 + random.nextInt(9));
      try {
        Http.Response response = http.post("/api/broker/" + account + "/" + side,
            Map.of("symbol", "EURUSD", "volume", new BigDecimal(volume)));
        if (response.status() == 200 && response.json().path("deal").asLong() > 0) {
          JsonNode result = response.json();
          acknowledged.add(new Acknowledged(account, result.path("deal").asLong(),
              result.path("volume").decimalValue(), result.path("price").decimalValue()));
        }
      } catch (AssertionError connectionLost) {
        return; // the bridge died under this request: its outcome is unknown, so it is not counted
      }
    }
  }

  private static void ticks(Http http, AtomicBoolean running) {
    long bid = 110_000;
    Random random = new Random(42);
    while (running.get()) {
      bid += random.nextInt(11) - 5;
      try {
        http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":" + BigDecimal.valueOf(bid, 5).toPlainString()
            + ",\"ask\":" + BigDecimal.valueOf(bid + 2, 5).toPlainString() + "}");
      } catch (AssertionError connectionLost) {
        return;
      }
    }
  }

  private static Process startBridge(int port, Path data) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName());
    builder.environment().keySet().removeIf(k -> k.startsWith("BRIDGE_"));
    builder.environment().putAll(Map.of("BRIDGE_PORT", String.valueOf(port), "BRIDGE_DB_URL", db.url(),
        "BRIDGE_DATA_DIR", data.toString(), "BRIDGE_ADMIN_TOKEN", TOKEN, "BRIDGE_LOG_LEVEL", "WARN"));
    File log = data.resolveSibling("bridge-" + port + ".log").toFile();
    log.getParentFile().mkdirs();
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    return builder.start();
  }

  private static void awaitReady(Http http) {
    eventually(Duration.ofSeconds(60), () -> assertThat(http.get("/api/broker/all").status()).isEqualTo(200));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
