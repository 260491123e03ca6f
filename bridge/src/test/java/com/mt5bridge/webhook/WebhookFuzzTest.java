package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.TestBridge;
import com.mt5bridge.testing.TradingFloor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of malformed and hostile bodies, generated from a fixed seed: random bytes, truncated
 * JSON, deep nesting, absurd numbers, wrong types, injection strings, unknown fields and keys,
 * placeholders, odd content types. Each must get a 4xx in the contract's error shape (never a 5xx)
 * and none may change the account. Every body is invalid by construction, so any trade is a bug.
 * Then well-formed, authenticated alerts with extreme numbers: traded or refused, never a 5xx.
 * Another seed or more bodies: {@code -Dfuzz.seed=7 -Dfuzz.bodies=20000}.
 */
class WebhookFuzzTest {

  @RegisterExtension
  static final TestBridge bridge = new TestBridge();

  private static final String SECRET = "fuzz-secret-0123456789";
  private static final String STRATEGY = "fuzz";
  private static final long SEED = 20261121L;
  private static final int BODIES = 3000;

  private static final List<String> HOSTILE = List.of("'; DROP TABLE signals; --", "\" OR 1=1 --",
      "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "\r\nX-Injected: 1", "${jndi:ldap://x/a}",
      "{{7*7}}", "%s%s%s%n", "\u202Eevil", "\uD83D\uDE00".repeat(50), "A".repeat(5000), "EURUSD\u0000", "",
      "buy\u0000", "\\u0062uy", "null", "[]", "{}", "\uFFFF", "ＥＵＲＵＳＤ", "eurusd;rm -rf /");
  private static final List<String> BAD_NUMBERS = List.of("1e999999999", "9".repeat(500), "NaN", "Infinity",
      "-Infinity", "1E-400", "0x10", "1_000", "--1", "1e", ".", "-0", "0", "-5", "0.1.2", "1,5", " ", "1e15",
      "123456789012345678", "0.0000000000001");
  private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
      "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data",
      "image/png");

  private static Http http;
  private static TradingFloor floor;
  private static String account;

  @BeforeAll
  static void start() {
    http = bridge.http();
    floor = bridge.floor();
    account = floor.account("HEDGING");
    floor.strategy(STRATEGY, account, SECRET, Map.of("limits", Map.of("maxSignalsPerMinute", 0)));
    floor.tick("EURUSD", "1.10000", "1.10020");
  }

  /** A valid alert's fields; each generator breaks them in one way. */
  private static Map<String, Object> valid() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("secret", SECRET);
    fields.put("strategy", STRATEGY);
    fields.put("action", "buy");
    fields.put("symbol", "EURUSD");
    fields.put("volume", "0.1");
    return fields;
  }

  private static String json(Map<String, Object> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach((name, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(name)).append(':').append(value instanceof Raw raw ? raw.text : quote(String.valueOf(value)));
    });
    return out.append('}').toString();
  }

  private record Raw(String text) {}

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static <T> T pick(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static final List<Function<Random, byte[]>> GENERATORS = List.of(
      random -> {
        byte[] bytes = new byte[random.nextInt(3000)];
        random.nextBytes(bytes);
        return bytes;
      },
      random -> {
        String whole = json(valid());
        return utf8(whole.substring(0, random.nextInt(whole.length() - 1)));
      },
      random -> {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 100 : 40_000);
        return utf8(random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth));
      },
      random -> {
        Map<String, Object> fields = valid();
        String field = pick(random, List.of("volume", "risk"));
        String number = pick(random, BAD_NUMBERS);
        fields.put(field, random.nextBoolean() && !number.isBlank() ? new Raw(number) : number);
        return utf8(json(fields));
      },
      random -> {
        Map<String, Object> fields = valid();
        String field = pick(random, List.of("action", "symbol", "volume", "type", "comment", "sl"));
        // Numbers are text for action, symbol, type and comment: 5 is wrong only where it cannot be read.
        List<String> wrong = field.equals("volume") || field.equals("sl")
            ? List.of("true", "[]", "{}", "{\"a\":1}", "[\"0.1\"]", "\"\"")
            : List.of("true", "[]", "{}", "{\"a\":1}", "[\"buy\"]");
        fields.put(field, new Raw(pick(random, wrong)));
        return utf8(json(fields));
      },
      random -> {
        Map<String, Object> fields = valid();
        fields.put(pick(random, List.of("action", "symbol", "strategy", "type", "marketPosition", "secret")),
            pick(random, HOSTILE));
        return utf8(json(fields));
      },
      random -> {
        Map<String, Object> fields = valid();
        fields.put("x" + Long.toHexString(random.nextLong()), pick(random, HOSTILE));
        return utf8(json(fields));
      },
      random -> {
        String key = pick(random, List.of("vol", "lots", "risk", "sl", "tp", "price"));
        // 0 is a valid "none" for stops and prices, so only lots and risk get it.
        String value = pick(random, BAD_NUMBERS.stream().filter(n -> !n.isBlank())
            .filter(n -> List.of("vol", "lots", "risk").contains(key) || !List.of("0", "-0").contains(n)).toList());
        String line = random.nextBoolean()
            ? SECRET + ",buy,EURUSD," + key + "=" + value
            : SECRET + "," + pick(random, HOSTILE).replace(",", ";") + ",EURUSD";
        return utf8(line);
      },
      random -> utf8("wrong-secret-" + random.nextInt(1000) + ",buy,EURUSD,vol=0.1"),
      random -> {
        Map<String, Object> fields = valid();
        fields.put(pick(random, List.of("action", "symbol", "volume")), "{{" + pick(random,
            List.of("close", "strategy.order.contracts", "ticker", "plot_0")) + "}}");
        return utf8(json(fields));
      },
      random -> utf8("{\"secret\":\"" + SECRET + "\",\"secret\":\"" + SECRET
          + "\",\"strategy\":\"fuzz\",\"action\":\"buy\",\"symbol\":\"EURUSD\"}"),
      random -> utf8(json(valid()).replace('"', random.nextBoolean() ? '\u201C' : '\'')),
      random -> {
        Map<String, Object> fields = valid();
        fields.put("comment", "y".repeat(Signals.MAX_BODY));
        return utf8(json(fields));
      },
      random -> utf8(json(valid()) + pick(random, List.of("}", "]", ",", "{}", " x", "\u0000")))
  );

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hostile_bodies_get_a_4xx_error_and_change_nothing() {
    Random random = new Random(Long.getLong("fuzz.seed", SEED));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < Integer.getInteger("fuzz.bodies", BODIES); i++) {
      int generator = random.nextInt(GENERATORS.size());
      byte[] body = GENERATORS.get(generator).apply(random);
      String path = random.nextBoolean() ? "/webhook" : "/webhook/" + STRATEGY;
      Map<String, String> headers = new HashMap<>();
      if (random.nextInt(8) > 0) {
        headers.put("Content-Type", pick(random, CONTENT_TYPES));
      }
      String problem;
      try {
        problem = problem(http.send("POST", path, headers, body));
      } catch (AssertionError noAnswer) {
        problem = noAnswer.getMessage();
      }
      if (problem != null) {
        failures.add("#" + i + " generator " + generator + " " + path + " " + headers + ": " + problem + " <- "
            + preview(body));
      }
    }

    assertThat(failures).as("bodies answered outside the contract").isEmpty();
    JsonNode state = floor.state(account);
    assertThat(state.path("positions")).isEmpty();
    assertThat(state.path("orders")).isEmpty();
    assertThat(state.path("balance").decimalValue()).isEqualByComparingTo("10000");
    assertThat(floor.deals(account)).hasSize(1);
    assertThat(bridge.dsl().fetchCount(bridge.dsl().selectFrom("signals")
        .where("status = 'EXECUTED' and strategy_id = ?", STRATEGY))).isZero();
  }

  /** Numbers every request bound lets through, yet far past any real price, stop or size. */
  private static final List<String> EXTREME = List.of("99999999999999", "99999999999999.99", "9999999999.99999",
      "9999999999", "1e14", "1E13", "0.000000000001", "1E-12", "123456789.12345", "50000", "100", "1.09", "1.1",
      "0.5", "0");

  /**
   * Well-formed alerts with the right secret and extreme numbers in every numeric field: each is traded
   * or refused, never answered 5xx. A sell limit at 10^14 used to overflow inside the account (503, its
   * batch dropped, the account rebuilt without prices).
   */
  @Test
  void authenticated_alerts_with_extreme_numbers_are_traded_or_refused_never_a_5xx() {
    String extreme = floor.account("HEDGING");
    floor.strategy("fuzz-extreme", extreme, SECRET, Map.of("limits", Map.of("maxSignalsPerMinute", 0)));
    floor.tick("EURUSD", "1.10000", "1.10020");
    Random random = new Random(Long.getLong("fuzz.seed", SEED));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Map<String, Object> fields = new HashMap<>();
      fields.put("secret", SECRET);
      fields.put("action", pick(random, List.of("buy", "sell", "long", "short", "close", "flat")));
      fields.put("symbol", "EURUSD");
      if (random.nextBoolean()) {
        fields.put("type", pick(random, List.of("limit", "stop", "stop_limit", "market")));
      }
      for (String field : List.of("price", "sl", "tp", "slPips", "tpPips", "volume", "contracts", "risk",
          "positionSize")) {
        if (random.nextInt(3) == 0) {
          fields.put(field, new Raw(pick(random, EXTREME)));
        }
      }
      String body = json(fields);
      Http.Response response = http.post("/webhook/fuzz-extreme", "application/json", body);
      if (response.status() >= 500) {
        failures.add("#" + i + " status " + response.status() + " " + response.body() + " <- " + body);
      }
    }

    assertThat(failures).as("alerts answered 5xx").isEmpty();
    assertThat(floor.state(extreme).path("balance").isNumber()).isTrue(); // the account still answers
  }

  /** What is wrong with the answer, or null when it is a 4xx in the contract's error shape. */
  private static String problem(Http.Response response) {
    if (response.status() < 400 || response.status() >= 500) {
      return "status " + response.status() + " " + response.body();
    }
    try {
      JsonNode error = response.json().path("error");
      if (!error.path("code").asString().matches("[A-Z_]+") || error.path("message").asString().isBlank()) {
        return "not the error shape: " + response.body();
      }
      return null;
    } catch (RuntimeException e) {
      return "not JSON: " + response.body();
    }
  }

  private static String preview(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 160 ? text.substring(0, 160) + "...(" + body.length + " bytes)" : text;
  }
}
