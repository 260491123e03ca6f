package com.mt5bridge.strategy;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestDatabase;
import com.mt5bridge.testing.TradingFloor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Strategy management and the kill switch: validation, the secret never shown, audit rows, restarts. */
class StrategyApiTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static final String SECRET = "str4tegy-0123456789";

  private RunningBridge bridge;
  private Http http;
  private String account;

  @BeforeEach
  void start() {
    bridge = RunningBridge.start(db.url());
    http = bridge.http();
    account = new TradingFloor(http).account("HEDGING");
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  private Map<String, Object> body(String id) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("account", account);
    body.put("secret", SECRET);
    body.put("magic", 2001);
    body.put("symbolMap", Map.of("XAUUSD", "XAUUSD"));
    body.put("sizing", Map.of("mode", "RISK", "riskPercent", 0.5));
    body.put("limits", Map.of("maxVolume", 5, "maxPositions", 10, "maxDailyLoss", 500, "maxSpreadPoints", 0));
    body.put("allowedIps", List.of("tradingview", "10.0.0.0/8"));
    return body;
  }

  private Http.Response create(Map<String, Object> body) {
    return http.post("/api/strategies", body);
  }

  private void assertInvalid(Http.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().path("error").path("field").asString()).isEqualTo(field);
  }

  @Test
  void creating_a_strategy_answers_201_without_the_secret() {
    Http.Response created = create(body("alpha"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode view = created.json();
    assertThat(view.has("secret")).isFalse();
    assertThat(view.path("enabled").asBoolean()).isTrue();
    assertThat(view.path("magic").asLong()).isEqualTo(2001);
    assertThat(view.path("sizing").path("mode").asString()).isEqualTo("RISK");
    assertThat(view.path("sizing").path("riskPercent").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(view.path("limits").path("maxDailyLoss").decimalValue()).isEqualByComparingTo("500");
    assertThat(view.path("allowedIps").valueStream().map(JsonNode::asString)).containsExactly("tradingview", "10.0.0.0/8");
    assertThat(http.get("/api/strategies").json().valueStream().map(s -> s.path("id").asString())).contains("alpha");
    assertThat(http.get("/api/strategies/alpha").body()).doesNotContain(SECRET);
  }

  @Test
  void bad_strategies_are_refused_naming_the_field() {
    Map<String, Object> shortSecret = body("b1");
    shortSecret.put("secret", "short");
    Map<String, Object> commaSecret = body("b2");
    commaSecret.put("secret", "has,a,comma,0123456789");
    Map<String, Object> badId = body("Bad Id");
    Map<String, Object> noAccount = body("b4");
    noAccount.put("account", "nobody");
    Map<String, Object> badMap = body("b5");
    badMap.put("symbolMap", Map.of("EURUSD", "EURUSD.r"));
    Map<String, Object> fixedWithoutVolume = body("b6");
    fixedWithoutVolume.put("sizing", Map.of("mode", "FIXED"));
    Map<String, Object> badIp = body("b7");
    badIp.put("allowedIps", List.of("tradingview.com"));

    assertInvalid(create(shortSecret), "secret");
    assertInvalid(create(commaSecret), "secret");
    assertInvalid(create(badId), "id");
    assertInvalid(create(noAccount), "account");
    assertInvalid(create(badMap), "symbolMap.EURUSD");
    assertInvalid(create(fixedWithoutVolume), "sizing.volume");
    assertInvalid(create(badIp), "allowedIps");
    assertThat(http.get("/api/strategies").json().valueStream().map(s -> s.path("id").asString()))
        .doesNotContain("b1", "b2", "Bad Id", "b4", "b5", "b6", "b7");
  }

  @Test
  void a_taken_id_or_magic_number_is_a_conflict() {
    create(body("gamma"));
    Map<String, Object> sameMagic = body("delta");

    assertThat(create(body("gamma")).status()).isEqualTo(409);
    Http.Response clash = create(sameMagic);
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.json().path("error").path("field").asString()).isEqualTo("magic");
  }

  @Test
  void replacing_keeps_the_secret_when_none_is_given_and_counts_versions() {
    create(body("epsilon"));
    Map<String, Object> replacement = body("epsilon");
    replacement.remove("secret");
    replacement.put("sizing", Map.of("mode", "FIXED", "volume", 0.3));
    replacement.put("allowedIps", List.of());

    Http.Response replaced = http.put("/api/strategies/epsilon", replacement);

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().path("version").asLong()).isEqualTo(1);
    assertThat(replaced.json().path("sizing").path("volume").decimalValue()).isEqualByComparingTo("0.3");
    new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
    Http.Response signal = http.post("/webhook/epsilon", "text/plain", SECRET + ",buy,EURUSD");
    assertThat(signal.status()).as(signal.toString()).isEqualTo(200);
    assertThat(signal.json().path("results").get(0).path("volume").decimalValue()).isEqualByComparingTo("0.3");
  }

  @Test
  void a_field_left_out_of_a_replacement_keeps_its_value_so_no_safeguard_is_dropped_by_omission() {
    create(body("omega"));

    // Only the sizing changes: the account, limits, allowed addresses and symbol map stay as they were.
    Http.Response replaced = http.put("/api/strategies/omega",
        Map.of("sizing", Map.of("mode", "FIXED", "volume", 0.2)));
    Http.Response paused = http.put("/api/strategies/omega", Map.of("enabled", false));
    Http.Response opened = http.put("/api/strategies/omega", Map.of("allowedIps", List.of()));

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    JsonNode kept = replaced.json();
    assertThat(kept.path("account").asString()).isEqualTo(account);
    assertThat(kept.path("magic").asLong()).isEqualTo(2001);
    assertThat(kept.path("sizing").path("mode").asString()).isEqualTo("FIXED");
    assertThat(kept.path("limits").path("maxDailyLoss").decimalValue()).isEqualByComparingTo("500");
    assertThat(kept.path("limits").path("maxPositions").asInt()).isEqualTo(10);
    assertThat(kept.path("allowedIps").valueStream().map(JsonNode::asString))
        .containsExactly("tradingview", "10.0.0.0/8");
    assertThat(kept.path("symbolMap").path("XAUUSD").asString()).isEqualTo("XAUUSD");
    assertThat(paused.json().path("enabled").asBoolean()).isFalse();
    assertThat(paused.json().path("sizing").path("volume").decimalValue()).isEqualByComparingTo("0.2");
    // Given, a list replaces the old one whole: an empty one lets any address in, as on creation.
    assertThat(opened.json().path("allowedIps")).isEmpty();
    assertThat(opened.json().path("enabled").asBoolean()).isFalse();
    assertThat(opened.json().path("version").asLong()).isEqualTo(3);
  }

  @Test
  void a_fixed_volume_no_entry_could_open_is_refused_when_the_strategy_is_made_or_changed() {
    Map<String, Object> aboveItsLimit = body("fixed-above-limit");
    aboveItsLimit.put("sizing", Map.of("mode", "FIXED", "volume", 2));
    aboveItsLimit.put("limits", Map.of("maxVolume", 1));
    Http.Response refused = create(aboveItsLimit);
    assertInvalid(refused, "sizing.volume");
    assertThat(refused.json().path("error").path("message").asString()).isEqualTo("the fixed volume 2 lots is above "
        + "the strategy's limits.maxVolume 1: every entry sized by it would be refused");

    // The account's built-in symbols take 0.01 lots at least (the pairs, gold) and 500 at most (US500).
    Map<String, Object> tooMuch = body("fixed-too-much");
    tooMuch.put("sizing", Map.of("mode", "FIXED", "volume", 1000));
    tooMuch.put("limits", Map.of());
    Http.Response tooLarge = create(tooMuch);
    assertInvalid(tooLarge, "sizing.volume");
    assertThat(tooLarge.json().path("error").path("message").asString()).isEqualTo("the fixed volume 1000 lots is "
        + "outside what any symbol of account " + account + " takes (from 0.01 to 500 lots): every entry sized by it "
        + "would be refused");
    tooMuch.put("sizing", Map.of("mode", "FIXED", "volume", 0.001));
    assertInvalid(create(tooMuch), "sizing.volume");
    assertThat(http.get("/api/strategies/fixed-too-much").status()).isEqualTo(404);

    // A change that would make it so is refused too, and changes nothing.
    Map<String, Object> fixed = body("fixed-kept");
    fixed.put("sizing", Map.of("mode", "FIXED", "volume", 0.1));
    assertThat(create(fixed).status()).isEqualTo(201);
    assertInvalid(http.put("/api/strategies/fixed-kept", Map.of("limits", Map.of("maxVolume", 0.05))), "sizing.volume");
    assertThat(http.get("/api/strategies/fixed-kept").json().path("limits").path("maxVolume").decimalValue())
        .isEqualByComparingTo("5");
  }

  @Test
  void a_limit_left_out_of_a_limits_change_keeps_its_value() {
    Http.Response created = create(body("limits-kept"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    Http.Response tightened = http.put("/api/strategies/limits-kept", Map.of("limits", Map.of("maxVolume", 2)));
    Http.Response turnedOff = http.put("/api/strategies/limits-kept", Map.of("limits", Map.of("maxPositions", 0)));

    assertThat(tightened.status()).as(tightened.toString()).isEqualTo(200);
    JsonNode limits = tightened.json().path("limits");
    assertThat(limits.path("maxVolume").decimalValue()).isEqualByComparingTo("2");
    assertThat(limits.path("maxPositions").asInt()).isEqualTo(10);
    assertThat(limits.path("maxDailyLoss").decimalValue()).isEqualByComparingTo("500");
    assertThat(limits.path("maxSignalsPerMinute").asInt()).isEqualTo(120);
    JsonNode after = turnedOff.json().path("limits");
    assertThat(after.path("maxPositions").asInt()).as("0 given turns the limit off").isZero();
    assertThat(after.path("maxVolume").decimalValue()).isEqualByComparingTo("2");
    assertThat(after.path("maxDailyLoss").decimalValue()).isEqualByComparingTo("500");
    assertThat(http.get("/api/strategies/limits-kept").json().path("limits")).isEqualTo(after);
  }

  @Test
  void a_sizing_change_without_a_mode_keeps_the_mode_and_its_other_fields() {
    Map<String, Object> risk = body("sizing-kept");
    risk.put("sizing", Map.of("mode", "RISK", "riskPercent", 0.5, "multiplier", 2));
    Http.Response created = create(risk);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    Http.Response riskier = http.put("/api/strategies/sizing-kept", Map.of("sizing", Map.of("riskPercent", 2)));
    Http.Response fixed = http.put("/api/strategies/sizing-kept", Map.of("sizing", Map.of("mode", "FIXED", "volume", 0.3)));

    assertThat(riskier.status()).as(riskier.toString()).isEqualTo(200);
    JsonNode sizing = riskier.json().path("sizing");
    assertThat(sizing.path("mode").asString()).isEqualTo("RISK");
    assertThat(sizing.path("riskPercent").decimalValue()).isEqualByComparingTo("2");
    assertThat(sizing.path("multiplier").decimalValue()).isEqualByComparingTo("2");
    // With a mode, the sizing is replaced whole: nothing of the RISK sizing is left.
    JsonNode replaced = fixed.json().path("sizing");
    assertThat(replaced.path("mode").asString()).isEqualTo("FIXED");
    assertThat(replaced.path("volume").decimalValue()).isEqualByComparingTo("0.3");
    assertThat(replaced.has("riskPercent")).isFalse();
    assertThat(replaced.has("multiplier")).isFalse();
  }

  @Test
  void a_deleted_strategy_takes_no_more_signals() {
    create(body("zeta"));

    assertThat(http.delete("/api/strategies/zeta").status()).isEqualTo(204);

    assertThat(http.get("/api/strategies/zeta").status()).isEqualTo(404);
    assertThat(http.post("/webhook/zeta", "text/plain", SECRET + ",buy,EURUSD").status()).isEqualTo(404);
    assertThat(http.delete("/api/strategies/zeta").status()).isEqualTo(404);
  }

  @Test
  void a_strategy_holding_a_position_or_an_order_is_neither_deleted_nor_given_another_magic() {
    Map<String, Object> fromAnywhere = createAnywhere("kappa");
    new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
    assertThat(http.post("/webhook/kappa", "text/plain", SECRET + ",buy,EURUSD,vol=0.1").status()).isEqualTo(200);
    assertThat(http.post("/webhook/kappa", "text/plain", SECRET + ",buylimit,EURUSD,vol=0.1,price=1.09").status())
        .isEqualTo(200);

    Http.Response deleting = http.delete("/api/strategies/kappa");
    Map<String, Object> renumbered = new HashMap<>(fromAnywhere);
    renumbered.put("magic", 2002);
    Http.Response renumbering = http.put("/api/strategies/kappa", renumbered);

    assertThat(deleting.status()).isEqualTo(409);
    assertThat(deleting.json().path("error").path("message").asString()).isEqualTo("strategy kappa still holds 1 "
        + "position and 1 pending order on account " + account + " (magic 2001); close and cancel them before you "
        + "delete it (a closeall and a cancel alert do it), or pause the strategy instead");
    assertThat(renumbering.status()).isEqualTo(409);
    assertThat(http.get("/api/strategies/kappa").json().path("magic").asLong()).isEqualTo(2001);

    http.post("/webhook/kappa", "text/plain", SECRET + ",closeall,EURUSD");
    http.post("/webhook/kappa", "text/plain", SECRET + ",cancel,EURUSD");
    assertThat(http.delete("/api/strategies/kappa").status()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {"delete", "renumber"})
  void a_signal_that_reaches_the_account_after_a_deletion_or_a_move_has_looked_opens_nothing(String change)
      throws Exception {
    String mu = "mu-" + change;
    Map<String, Object> changed = createAnywhere(mu);
    Future<Http.Response> changing;
    Future<Http.Response> late;
    try (BusyAccount busy = new BusyAccount("nu-" + change)) {
      Map<String, Object> renumbered = new HashMap<>(changed);
      renumbered.put("magic", 2003);
      changing = busy.send(() -> change.equals("delete") ? http.delete("/api/strategies/" + mu)
          : http.put("/api/strategies/" + mu, renumbered));
      Thread.sleep(500); // the change asks the account what mu holds: its question queues first
      late = busy.signal(mu);
    }

    // mu held nothing when the account answered, so the change is made; its signal, behind the answer, must not
    // trade, under the old magic or the new.
    assertThat(changing.get(10, TimeUnit.SECONDS).status()).isEqualTo(change.equals("delete") ? 204 : 200);
    Http.Response refused = late.get(10, TimeUnit.SECONDS);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("error").path("message").asString()).startsWith("strategy " + mu + " ")
        .endsWith("; nothing was done");
    assertThat(new TradingFloor(http).state(account).path("positions"))
        .extracting(position -> position.path("magic").asLong()).containsExactly(BusyAccount.MAGIC);
    assertThat(http.get("/api/signals/" + refused.json().path("signal").asString()).json().path("status")
        .asString()).isEqualTo("REJECTED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"exits-only", "pause", "kill switch"})
  void a_signal_waiting_for_its_account_meets_the_strategy_as_it_is_when_its_turn_comes(String change)
      throws Exception {
    String xi = "xi-" + change.replace(' ', '-');
    createAnywhere(xi);
    Future<Http.Response> late;
    try (BusyAccount busy = new BusyAccount("omicron-" + change.replace(' ', '-'))) {
      late = busy.signal(xi);
      // Admitted and queued behind the busy account: now the operator steps in.
      String path = switch (change) {
        case "exits-only" -> "/api/strategies/" + xi + "/exits-only";
        case "pause" -> "/api/strategies/" + xi + "/pause";
        default -> "/api/pause";
      };
      assertThat(http.post(path, "").status()).isEqualTo(200);
    }

    Http.Response refused = late.get(10, TimeUnit.SECONDS);
    http.post("/api/resume", "");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(change.equals("exits-only") ? 422 : 403);
    assertThat(new TradingFloor(http).state(account).path("positions"))
        .extracting(position -> position.path("magic").asLong()).containsExactly(BusyAccount.MAGIC);
  }

  /** A strategy of the test's account (magic 2001) that takes alerts from any address; its body. */
  private Map<String, Object> createAnywhere(String id) {
    return createAnywhere(id, 2001);
  }

  private Map<String, Object> createAnywhere(String id, long magic) {
    Map<String, Object> body = body(id);
    body.put("allowedIps", List.of());
    body.put("magic", magic);
    create(body);
    return body;
  }

  /**
   * The test's account held busy: another strategy's buy waits for its commit behind a table lock,
   * and the account with it, so that what is sent meanwhile queues behind it until this is closed.
   */
  private final class BusyAccount implements AutoCloseable {

    static final long MAGIC = 2002;

    private final ExecutorService senders = Executors.newFixedThreadPool(3);
    private final TableLock held;

    BusyAccount(String busy) throws Exception {
      createAnywhere(busy, MAGIC);
      new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
      held = TableLock.read(db.dsl(), "trades");
      senders.submit(() -> http.post("/webhook/" + busy, "text/plain", SECRET + ",buy,EURUSD,vol=0.1"));
      eventually(Duration.ofSeconds(2), () -> assertThat(pending()).isEqualTo(1));
    }

    /** A buy for the strategy, once it waits for the account (listed as pending). */
    Future<Http.Response> signal(String strategy) {
      int before = pending();
      Future<Http.Response> answer = send(() -> http.post("/webhook/" + strategy, "text/plain",
          SECRET + ",buy,EURUSD,vol=0.1"));
      eventually(Duration.ofSeconds(2), () -> assertThat(pending()).isEqualTo(before + 1));
      return answer;
    }

    Future<Http.Response> send(Callable<Http.Response> request) {
      return senders.submit(request);
    }

    @Override
    public void close() throws Exception {
      held.close();
      senders.shutdown();
    }
  }

  private int pending() {
    return http.get("/api/signals?status=pending").json().size();
  }

  @Test
  void a_magic_number_given_by_the_bridge_is_above_those_of_the_accounts_trades() {
    new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
    Http.Response order = http.post("/api/broker/" + account + "/buy",
        Map.of("symbol", "EURUSD", "volume", 0.1, "magic", 7000));
    assertThat(order.status()).as(order.toString()).isEqualTo(200);
    Map<String, Object> unnumbered = body("lambda");
    unnumbered.remove("magic");

    Http.Response created = create(unnumbered);

    assertThat(created.json().path("magic").asLong()).isEqualTo(7001);
  }

  @Test
  void pause_resume_and_the_kill_switch_survive_a_restart() {
    create(body("eta"));
    assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("ACTIVE");
    http.post("/api/strategies/eta/pause", "");
    http.post("/api/pause", "");
    // A deliberate pause: health says so, and stays UP.
    assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("PAUSED");
    assertThat(http.get("/health").json().path("status").asString()).isEqualTo("UP");

    bridge.close();
    bridge = RunningBridge.start(db.url());
    http = bridge.http();

    assertThat(http.get("/api/strategies/eta").json().path("enabled").asBoolean()).isFalse();
    assertThat(http.get("/api/trading").json().path("paused").asBoolean()).isTrue();
    assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("PAUSED");
    http.post("/api/resume", "");
    assertThat(http.post("/api/strategies/eta/resume", "").json().path("enabled").asBoolean()).isTrue();
    assertThat(http.get("/api/trading").json().path("paused").asBoolean()).isFalse();
    assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void a_strategy_winding_down_takes_exits_only_until_resumed_and_keeps_that_across_a_restart() {
    createAnywhere("iota");
    new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
    assertThat(http.post("/webhook/iota", "text/plain", SECRET + ",buy,EURUSD,vol=0.1").status()).isEqualTo(200);

    Http.Response windingDown = http.post("/api/strategies/iota/exits-only", "");
    bridge.close();
    bridge = RunningBridge.start(db.url());
    http = bridge.http();
    new TradingFloor(http).tick("EURUSD", "1.10000", "1.10020");
    Http.Response entry = http.post("/webhook/iota", "text/plain", SECRET + ",buy,EURUSD,vol=0.3");
    Http.Response exit = http.post("/webhook/iota", "text/plain", SECRET + ",closelong,EURUSD");

    assertThat(windingDown.json().path("exitsOnly").asBoolean()).isTrue();
    assertThat(windingDown.json().path("enabled").asBoolean()).isTrue();
    assertThat(http.get("/api/strategies/iota").json().path("exitsOnly").asBoolean()).isTrue();
    assertThat(entry.status()).isEqualTo(422);
    assertThat(entry.errorCode()).isEqualTo("RISK_LIMIT");
    assertThat(entry.json().path("error").path("field").asString()).isEqualTo("exitsOnly");
    assertThat(exit.status()).as(exit.toString()).isEqualTo(200);
    assertThat(new TradingFloor(http).state(account).path("positions")).isEmpty();
    Http.Response resumed = http.post("/api/strategies/iota/resume", "");
    assertThat(resumed.json().path("exitsOnly").asBoolean()).isFalse();
    assertThat(http.post("/webhook/iota", "text/plain", SECRET + ",buy,EURUSD,vol=0.2").status()).isEqualTo(200);
    assertThat(db.dsl().fetch("SELECT action FROM audit_log WHERE target = 'strategy:iota' ORDER BY id").getValues(0,
        String.class)).containsExactly("strategy.create", "strategy.exits-only", "strategy.resume");
  }

  @Test
  void a_strategys_day_so_far_shows_what_its_daily_loss_limit_counts() {
    createAnywhere("pi");
    TradingFloor floor = new TradingFloor(http);
    floor.tick("EURUSD", "1.10000", "1.10020");
    http.post("/webhook/pi", "text/plain", SECRET + ",buy,EURUSD,vol=0.1");
    floor.tick("EURUSD", "1.09950", "1.09970");
    http.post("/webhook/pi", "text/plain", SECRET + ",closelong,EURUSD");
    http.post("/webhook/pi", "text/plain", SECRET + ",buy,EURUSD,vol=0.1,comment=again");
    floor.tick("EURUSD", "1.09900", "1.09920");

    JsonNode today = http.get("/api/strategies/pi/today").json();

    // Closed: (1.09950 - 1.10020) x 10,000 = -7.00. Open since 1.09970, at the bid 1.09900: -7.00.
    assertThat(today.path("realized").decimalValue()).isEqualByComparingTo("-7.00");
    assertThat(today.path("floating").decimalValue()).isEqualByComparingTo("-7.00");
    assertThat(today.path("result").decimalValue()).isEqualByComparingTo("-14.00");
    assertThat(today.path("maxDailyLoss").decimalValue()).isEqualByComparingTo("500");
    assertThat(today.path("lossLeft").decimalValue()).isEqualByComparingTo("486.00");
    assertThat(today.path("positions").asInt()).isEqualTo(1);
    assertThat(today.path("currency").asString()).isEqualTo("USD");
    String accountTime = floor.state(account).path("time").asString();
    assertThat(today.path("day").asString()).isEqualTo(accountTime.substring(0, 10)); // the account's day, in UTC
    assertThat(today.path("dayStart").asString()).isEqualTo(accountTime.substring(0, 10) + "T00:00:00Z");
    assertThat(http.get("/api/strategies/nosuch/today").status()).isEqualTo(404);
    createAnywhere("rho", 2003);
    assertThat(http.get("/api/strategies/rho/today").json().path("floating").toString()).isEqualTo("0.00");
  }

  @Test
  void every_change_is_audited_without_the_secret() {
    create(body("theta"));
    http.post("/api/strategies/theta/pause", "");
    http.delete("/api/strategies/theta");
    http.post("/api/pause", "");
    http.post("/api/resume", "");

    List<String> actions = db.dsl().fetch("SELECT action FROM audit_log WHERE actor = 'admin' ORDER BY id")
        .getValues(0, String.class);
    String details = db.dsl().fetch("SELECT target, detail FROM audit_log").formatCSV();

    assertThat(actions).containsSubsequence("strategy.create", "strategy.pause", "strategy.delete", "trading.pause",
        "trading.resume");
    assertThat(details).contains("theta").doesNotContain(SECRET).doesNotContain("sha256:");
  }

  @Test
  void strategies_need_the_admin_token() {
    assertThat(http.withToken(null).get("/api/strategies").status()).isEqualTo(401);
    assertThat(http.withToken(null).post("/api/pause", "").status()).isEqualTo(401);
  }
}
