package com.mt5bridge.webhook;

import com.mt5bridge.strategy.SecretHash;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies as the journal keeps them: as received, with the secret replaced by {@code ***}. A body
 * that parsed is redacted field by field; one that did not, by pattern, and cut short.
 */
final class Redaction {

  static final String MASK = "***";
  private static final int KEPT_MAX = 4096;
  private static final String CUT = "...(cut)";
  /** The longest body kept whole; what {@link #cut} returns is never longer, so cutting twice changes nothing. */
  private static final int KEPT = KEPT_MAX + CUT.length();
  private static final String QUOTE = "[\"\u201C\u201D\u201E\u201F']";
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(" + QUOTE + "secret" + QUOTE + "\\s*:\\s*)(" + QUOTE + "[^\"\u201C\u201D\u201E\u201F']*" + QUOTE + "?|[^,}\\s]*)",
      Pattern.CASE_INSENSITIVE);

  /**
   * Parts of an unparsed or text-form body between its separators that could be a secret, or hold one
   * after {@code key=}: a secret has 16 characters or more and no comma or space, but may have any
   * other character ({@code =} at the end of a base64 one, a quote).
   */
  private static final Pattern CANDIDATE = Pattern.compile("[^\\s,]{16,}");

  private Redaction() {}

  /**
   * The journaled body of a refused alert, {@link #cut}, with every value that is the strategy's
   * secret masked too: a secret sent under another name ({@code "Secret"}, {@code "key"}) or in the
   * wrong place of the text form is refused, but must not be kept in clear for it. Only refusals pay
   * for the hashing, and at most a cut body's worth: the sender may not be the strategy's.
   */
  static String strategySecret(String journaled, SecretHash secret, JsonMapper json) {
    if (journaled.startsWith("{") && journaled.length() <= KEPT) {
      try {
        // Written back by the mapper that wrote it, so nothing but the masked values changes.
        JsonNode tree = json.readTree(journaled);
        mask(tree, secret);
        return json.writeValueAsString(tree);
      } catch (JacksonException notJson) {
        // An unparsed body: masked piece by piece below.
      }
    }
    String kept = cut(journaled);
    // JSON string values, whole, as the parsed path masks them (a secret may hold quotes, escaped in JSON)...
    kept = maskStrings(kept, secret, json);
    // ...then the parts between separators, as in the text form, whole or after their key=.
    Matcher candidate = CANDIDATE.matcher(kept);
    StringBuilder masked = new StringBuilder(kept.length());
    while (candidate.find()) {
      String part = candidate.group();
      int key = part.indexOf('=');
      String replacement = secret.matches(part) ? MASK
          : key >= 0 && secret.matches(part.substring(key + 1)) ? part.substring(0, key + 1) + MASK
          : part;
      candidate.appendReplacement(masked, Matcher.quoteReplacement(replacement));
    }
    return candidate.appendTail(masked).toString();
  }

  /**
   * A refused body as kept: whole up to about {@value #KEPT_MAX} characters, else its start, cut at a
   * comma or a space so that no secret (which has neither) is kept in part, where it would no longer
   * be recognised to be masked. A flood of refused 64 KiB bodies must not fill the journal's disk.
   */
  static String cut(String body) {
    if (body == null || body.length() <= KEPT) {
      return body;
    }
    int end = KEPT_MAX;
    while (end > 0 && body.charAt(end) != ',' && !Character.isWhitespace(body.charAt(end))) {
      end--;
    }
    return body.substring(0, end) + CUT;
  }

  /** {@code text} with every complete JSON string literal that is the secret masked. */
  private static String maskStrings(String text, SecretHash secret, JsonMapper json) {
    StringBuilder masked = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('"', at);
      if (open < 0) {
        break;
      }
      int close = open + 1;
      while (close < text.length() && text.charAt(close) != '"') {
        close += text.charAt(close) == '\\' ? 2 : 1;
      }
      if (close >= text.length()) {
        break;
      }
      String literal = text.substring(open, close + 1);
      masked.append(text, at, open).append(isSecret(literal, secret, json) ? "\"" + MASK + "\"" : literal);
      at = close + 1;
    }
    return masked.append(text, at, text.length()).toString();
  }

  private static boolean isSecret(String literal, SecretHash secret, JsonMapper json) {
    if (literal.length() < 18) {
      return false; // a secret has 16 characters or more
    }
    try {
      return secret.matches(json.readValue(literal, String.class));
    } catch (JacksonException notAString) {
      return false;
    }
  }

  /** Masks, in place, every string value inside {@code node} that is the secret. */
  private static void mask(JsonNode node, SecretHash secret) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        object.set(name, masked(object.get(name), secret));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, masked(array.get(i), secret));
      }
    }
  }

  /** {@link #MASK} for the secret itself; any other value as it is, with what it contains masked. */
  private static JsonNode masked(JsonNode value, SecretHash secret) {
    if (value.isString() && secret.matches(value.asString())) {
      return JsonNodeFactory.instance.stringNode(MASK);
    }
    mask(value, secret);
    return value;
  }

  static String of(RawAlert alert, String body, JsonMapper json) {
    if (alert.format() == RawAlert.Format.JSON) {
      ObjectNode copy = alert.json().deepCopy();
      if (copy.has("secret")) {
        copy.put("secret", MASK);
      }
      return json.writeValueAsString(copy);
    }
    String line = body.strip();
    int comma = line.indexOf(',');
    return MASK + line.substring(comma);
  }

  /** A body that did not parse: anything that looks like a secret is masked, and {@code querySecret} wherever it appears. */
  static String unparsed(String body, String querySecret) {
    String text = cut(body);
    String masked = JSON_SECRET.matcher(text).replaceAll("$1\"" + MASK + "\"");
    String trimmed = masked.stripLeading();
    if (!trimmed.isEmpty() && trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[' && trimmed.indexOf(',') > 0) {
      // Looks like the text form, whose first part is the secret.
      masked = MASK + trimmed.substring(trimmed.indexOf(','));
    }
    if (querySecret != null && !querySecret.isEmpty()) {
      masked = masked.replace(querySecret, MASK);
    }
    return masked;
  }
}
