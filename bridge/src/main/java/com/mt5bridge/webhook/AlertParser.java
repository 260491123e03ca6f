package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an alert body into its fields: a JSON object (TradingView's JSON message) or a
 * PineConnector-style line {@code SECRET,COMMAND,SYMBOL[,key=value...]}. Only the syntax is
 * checked here (400 MALFORMED); what the fields say is checked once the sender is authenticated.
 */
final class AlertParser {

  /** Typographic quotes an editor puts where JSON needs {@code "}. */
  private static final String SMART_QUOTES = "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB";

  /** The text form's keys, and the contract field each one stands for. */
  private static final Map<String, String> TEXT_KEYS = Map.of(
      "vol", "volume", "lots", "volume", "risk", "risk", "sl", "slPips", "tp", "tpPips",
      "slprice", "sl", "tpprice", "tp", "price", "price", "comment", "comment");

  private final JsonMapper json;

  AlertParser() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxNumberLength(64)
            .maxStringLength(64 * 1024)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.json = JsonMapper.builder(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  JsonMapper mapper() {
    return json;
  }

  RawAlert parse(String body) {
    String message = body.strip();
    if (message.isEmpty()) {
      throw ApiException.malformed("the body is empty: put the alert message in it");
    }
    char first = message.charAt(0);
    if (first == '{' || first == '[' || SMART_QUOTES.indexOf(first) >= 0) {
      return parseJson(message);
    }
    return parseText(message);
  }

  private RawAlert parseJson(String message) {
    JsonNode root;
    try {
      root = json.readTree(message);
    } catch (JacksonException e) {
      if (message.chars().anyMatch(c -> SMART_QUOTES.indexOf(c) >= 0)) {
        throw ApiException.malformed("the message has typographic quotes (\u201C \u201D) where JSON needs straight "
            + "quotes (\"): an editor replaced them; type the message into TradingView again with straight quotes");
      }
      throw ApiException.malformed("the body is not valid JSON: " + firstLine(e.getOriginalMessage())
          + location(e));
    }
    if (!(root instanceof ObjectNode object)) {
      throw ApiException.malformed("the JSON message must be an object: {\"secret\": ..., \"action\": ...}");
    }
    Map<String, RawAlert.Field> fields = new LinkedHashMap<>();
    List<RawAlert.Problem> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      String name = property.getKey();
      String canonical = name.equals("ticker") ? "symbol" : name;
      if (fields.containsKey(canonical)) {
        problems.add(new RawAlert.Problem(name, "give symbol or ticker, not both"));
        continue;
      }
      fields.put(canonical, new RawAlert.Field(name, value(property.getValue())));
    }
    return new RawAlert(RawAlert.Format.JSON, fields, object, List.copyOf(problems));
  }

  private static Object value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node;
  }

  private static RawAlert parseText(String message) {
    if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
      throw ApiException.malformed("a text alert is one line: SECRET,COMMAND,SYMBOL[,key=value...]");
    }
    // The key=value parts are split apart from the rest: a quoted value there may hold commas.
    String[] parts = message.split(",", 4);
    if (parts.length < 2) {
      throw ApiException.malformed("the body is neither a JSON object nor a text alert "
          + "SECRET,COMMAND,SYMBOL[,key=value...]");
    }
    Map<String, RawAlert.Field> fields = new LinkedHashMap<>();
    List<RawAlert.Problem> problems = new ArrayList<>();
    fields.put("secret", new RawAlert.Field("secret", parts[0].strip()));
    String command = parts[1].strip().toLowerCase(Locale.ROOT);
    String type = switch (command) {
      case "buylimit", "selllimit" -> "limit";
      case "buystop", "sellstop" -> "stop";
      default -> null;
    };
    String action = type == null ? command : command.substring(0, command.length() - type.length());
    fields.put("action", new RawAlert.Field("command", action));
    if (type != null) {
      fields.put("type", new RawAlert.Field("command", type));
    }
    if (parts.length > 2 && !parts[2].isBlank()) {
      fields.put("symbol", new RawAlert.Field("symbol", parts[2].strip()));
    }
    List<String> keyValues = parts.length > 3 ? splitOutsideQuotes(parts[3]) : List.of();
    if (keyValues == null) {
      problems.add(new RawAlert.Problem(null, "a quote (\") after the symbol is not closed: "
          + "write a quoted value as comment=\"my entry\""));
      keyValues = List.of();
    }
    for (String keyValue : keyValues) {
      String part = keyValue.strip();
      if (part.isEmpty()) {
        continue; // a trailing comma, or an optional part a script left out: nothing to read
      }
      int equals = part.indexOf('=');
      if (equals <= 0) {
        problems.add(new RawAlert.Problem(null, "expected key=value after the symbol, got '" + clip(part) + "'"));
        continue;
      }
      String key = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String canonical = TEXT_KEYS.getOrDefault(key, key);
      if (fields.containsKey(canonical)) {
        problems.add(new RawAlert.Problem(clip(key), "'" + clip(key) + "' is given twice (or with another name for it)"));
        continue;
      }
      fields.put(canonical, new RawAlert.Field(key, unquoted(part.substring(equals + 1).strip())));
    }
    return new RawAlert(RawAlert.Format.TEXT, fields, null, List.copyOf(problems));
  }

  /**
   * Splits at the commas outside double quotes, as PineConnector writes a comment
   * ({@code comment="long, breakout"}); null if a quote is left open.
   */
  private static List<String> splitOutsideQuotes(String text) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return quoted ? null : parts;
  }

  private static String unquoted(String value) {
    boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return Clip.marked(line, 200);
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null || e.getLocation().getColumnNr() < 0 ? ""
        : " (at character " + e.getLocation().getColumnNr() + ")";
  }

  static String clip(String text) {
    return Clip.marked(text, 40);
  }
}
