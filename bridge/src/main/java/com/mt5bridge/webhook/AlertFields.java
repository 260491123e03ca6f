package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.OrderType;
import com.mt5bridge.strategy.Action;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what an authenticated alert's fields say and makes an {@link Alert} of them: every
 * failure is a 422 naming the field as the sender wrote it. Numbers may come as JSON numbers or as
 * strings; a placeholder TradingView left unfilled is reported first, since it explains the rest.
 */
final class AlertFields {

  private static final Set<String> JSON_FIELDS = Set.of("secret", "strategy", "action", "symbol", "volume",
      "contracts", "risk", "sl", "tp", "slPips", "tpPips", "type", "price", "comment", "id", "time", "positionSize",
      "marketPosition");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]{0,80}}}");
  /** A decimal as text, an exponent allowed as in a JSON number ({@code 1E-5}); the range is checked after. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d{1,15}(\\.\\d{0,12})?|\\.\\d{1,12})([eE][+-]?\\d{1,3})?");
  private static final BigDecimal LIMIT = new BigDecimal("1e15");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AlertFields() {}

  /**
   * The action an alert asks for, read before its fields are checked (or its sender known), so that
   * a refusal's journal row still says what was asked; null when there is none to read.
   */
  static Action actionOf(RawAlert raw) {
    String word = text(raw.fields(), "action");
    return word == null ? null : Action.of(word).orElse(null);
  }

  /** The alert's symbol as sent ({@code FX:EURUSD}), read as {@link #actionOf} is; null when it is no ticker. */
  static String tickerOf(RawAlert raw) {
    String symbol = text(raw.fields(), "symbol");
    return symbol != null && isTicker(symbol.strip()) ? symbol.strip() : null;
  }

  static Alert check(RawAlert raw) {
    Map<String, RawAlert.Field> fields = raw.fields();
    for (RawAlert.Field field : fields.values()) {
      if (field.value() instanceof String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        if (placeholder.find()) {
          throw ApiException.invalid(field.name(), "'" + field.name() + "' is the placeholder " + placeholder.group()
              + ", which TradingView did not fill in: strategy placeholders are filled only in alerts created from "
              + "a strategy, not from an indicator or a drawing");
        }
      }
    }
    for (RawAlert.Problem problem : raw.problems()) {
      throw ApiException.invalid(problem.field(), problem.message());
    }
    for (RawAlert.Field field : fields.values()) {
      String canonical = raw.format() == RawAlert.Format.JSON
          ? (field.name().equals("ticker") ? "symbol" : field.name())
          : canonicalOf(fields, field);
      if (!JSON_FIELDS.contains(canonical)) {
        throw ApiException.invalid(AlertParser.clip(field.name()), unknown(raw.format(), field.name()));
      }
    }

    String actionWord = text(fields, "action");
    if (actionWord == null || actionWord.isBlank()) {
      throw ApiException.invalid(name(fields, "action", raw), "the alert needs an action: one of " + Action.NAMES);
    }
    Action action = Action.of(actionWord).orElseThrow(() -> ApiException.invalid(name(fields, "action", raw),
        "'" + AlertParser.clip(actionWord) + "' is not an action; use one of " + Action.NAMES
            + (raw.format() == RawAlert.Format.TEXT ? ", buylimit, selllimit, buystop, sellstop" : "")));

    String symbol = text(fields, "symbol");
    symbol = symbol == null ? null : symbol.strip(); // a ticker holds no spaces; "{{ticker}} " is a typo
    if (symbol != null && !isTicker(symbol)) {
      throw ApiException.invalid(name(fields, "symbol", raw), "the symbol must be a ticker such as EURUSD or FX:EURUSD");
    }
    if (symbol == null && action != Action.CLOSE_ALL) {
      throw ApiException.invalid("symbol", "the alert needs a symbol (or ticker) for " + actionWord.strip());
    }

    OrderType.Kind kind = kind(fields);
    BigDecimal price = decimal(fields, "price");
    BigDecimal volume = decimal(fields, "volume");
    BigDecimal contracts = decimal(fields, "contracts");
    BigDecimal risk = decimal(fields, "risk");
    BigDecimal sl = decimal(fields, "sl");
    BigDecimal tp = decimal(fields, "tp");
    BigDecimal slPips = decimal(fields, "slPips");
    BigDecimal tpPips = decimal(fields, "tpPips");
    BigDecimal positionSize = decimal(fields, "positionSize");
    positive(fields, "volume", volume);
    positive(fields, "contracts", contracts);
    positive(fields, "risk", risk);
    if (risk != null && risk.compareTo(HUNDRED) > 0) {
      throw ApiException.invalid(name(fields, "risk", raw), "risk is a percent of the balance: at most 100");
    }
    for (String field : new String[] {"price", "sl", "tp", "slPips", "tpPips"}) {
      BigDecimal value = decimal(fields, field);
      if (value != null && value.signum() < 0) {
        throw ApiException.invalid(name(fields, field, raw), "'" + name(fields, field, raw) + "' must not be negative");
      }
    }
    both(fields, "sl", sl, "slPips", slPips);
    both(fields, "tp", tp, "tpPips", tpPips);

    if (action.opens()) {
      if (kind != OrderType.Kind.MARKET && (price == null || price.signum() == 0)) {
        throw ApiException.invalid(name(fields, "price", raw), "a " + kind.name().toLowerCase(Locale.ROOT)
            + " order needs its price");
      }
      if (positionSize != null && kind != OrderType.Kind.MARKET) {
        throw ApiException.invalid(name(fields, "positionSize", raw), "positionSize works with market orders only");
      }
    } else if (volume != null) {
      throw ApiException.invalid(name(fields, "volume", raw), actionWord.strip().toLowerCase(Locale.ROOT)
          + " closes or cancels the strategy's whole positions or orders: it takes no volume");
    } else if (kind != OrderType.Kind.MARKET) {
      throw ApiException.invalid(name(fields, "type", raw), "only buy and sell take an order type");
    }

    String marketPosition = text(fields, "marketPosition");
    if (marketPosition != null) {
      marketPosition = marketPosition.strip().toLowerCase(Locale.ROOT);
      if (!Set.of("long", "short", "flat").contains(marketPosition)) {
        throw ApiException.invalid("marketPosition", "marketPosition is long, short or flat");
      }
      if (positionSize != null && action.opens() && !agrees(marketPosition, positionSize)) {
        throw ApiException.invalid("marketPosition", "marketPosition " + marketPosition
            + " contradicts positionSize " + positionSize.toPlainString());
      }
    }
    String comment = text(fields, "comment");
    String id = bounded(fields, "id", 128);
    String time = bounded(fields, "time", 64);
    return new Alert(action, symbol, kind, price, volume, contracts, risk, sl, tp,
        slPips, tpPips, positionSize, marketPosition, comment == null ? null : comment.strip(), id, time);
  }

  private static boolean isTicker(String symbol) {
    return !symbol.isBlank() && symbol.length() <= 64 && symbol.chars().allMatch(c -> c > 32 && c < 127);
  }

  private static OrderType.Kind kind(Map<String, RawAlert.Field> fields) {
    String type = text(fields, "type");
    if (type == null) {
      return OrderType.Kind.MARKET;
    }
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "market" -> OrderType.Kind.MARKET;
      case "limit" -> OrderType.Kind.LIMIT;
      case "stop" -> OrderType.Kind.STOP;
      default -> throw ApiException.invalid(fields.get("type").name(), "type is market, limit or stop");
    };
  }

  private static boolean agrees(String marketPosition, BigDecimal positionSize) {
    return switch (marketPosition) {
      case "long" -> positionSize.signum() > 0;
      case "short" -> positionSize.signum() < 0;
      default -> positionSize.signum() == 0;
    };
  }

  /** A text field: JSON strings, and numbers for fields such as id and comment; anything else is refused. */
  private static String text(Map<String, RawAlert.Field> fields, String field) {
    RawAlert.Field f = fields.get(field);
    if (f == null || f.value() == null) {
      return null;
    }
    return switch (f.value()) {
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      default -> throw ApiException.invalid(f.name(), "'" + f.name() + "' must be text");
    };
  }

  private static String bounded(Map<String, RawAlert.Field> fields, String field, int max) {
    String value = text(fields, field);
    if (value != null && value.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' is longer than " + max + " characters");
    }
    return value;
  }

  /** A number given as a JSON number or a string; null when absent. */
  private static BigDecimal decimal(Map<String, RawAlert.Field> fields, String field) {
    RawAlert.Field f = fields.get(field);
    if (f == null || f.value() == null) {
      return null;
    }
    BigDecimal value = switch (f.value()) {
      case BigDecimal d -> d;
      case String s -> {
        String text = s.strip();
        if (text.isEmpty()) {
          throw ApiException.invalid(f.name(), "'" + f.name() + "' is empty; give a number or leave the field out");
        }
        if (!DECIMAL.matcher(text).matches()) {
          throw ApiException.invalid(f.name(), "'" + f.name() + "' must be a number such as 0.1, got '"
              + AlertParser.clip(text) + "'");
        }
        yield new BigDecimal(text);
      }
      default -> throw ApiException.invalid(f.name(), "'" + f.name() + "' must be a number");
    };
    if (value.abs().compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 12) {
      throw ApiException.invalid(f.name(), "'" + f.name() + "' is not a usable number: at most 15 digits before "
          + "and 12 after the point");
    }
    return value;
  }

  private static void positive(Map<String, RawAlert.Field> fields, String field, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      throw ApiException.invalid(fields.get(field).name(), "'" + fields.get(field).name() + "' must be positive");
    }
  }

  private static void both(Map<String, RawAlert.Field> fields, String price, BigDecimal priceValue, String pips,
      BigDecimal pipsValue) {
    if (priceValue != null && pipsValue != null) {
      throw ApiException.invalid(fields.get(pips).name(), "give " + fields.get(price).name() + " (a price) or "
          + fields.get(pips).name() + " (pips from the entry), not both");
    }
  }

  private static String name(Map<String, RawAlert.Field> fields, String field, RawAlert raw) {
    RawAlert.Field f = fields.get(field);
    return f != null ? f.name() : raw.format() == RawAlert.Format.TEXT && field.equals("action") ? "command" : field;
  }

  /** The contract field a text-form key stands for (the parser stored it under that name). */
  private static String canonicalOf(Map<String, RawAlert.Field> fields, RawAlert.Field field) {
    for (Map.Entry<String, RawAlert.Field> entry : fields.entrySet()) {
      if (entry.getValue() == field) {
        return entry.getKey();
      }
    }
    return field.name();
  }

  private static String unknown(RawAlert.Format format, String name) {
    if (format == RawAlert.Format.TEXT) {
      return "unknown key '" + AlertParser.clip(name) + "'; the text form takes vol, lots, risk, sl, tp, slprice, "
          + "tpprice, price, comment, id and time";
    }
    String hint = JSON_FIELDS.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst()
        .map(known -> " (did you mean '" + known + "'?)").orElse("");
    return "unknown field '" + AlertParser.clip(name) + "'" + hint;
  }
}
