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
  private static final int UNPARSED_MAX = 4096;
  private static final String QUOTE = "[\"\u201C\u201D\u201E\u201F']";
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(" + QUOTE + "secret" + QUOTE + "\\s*:\\s*)(" + QUOTE + "[^\"\u201C\u201D\u201E\u201F']*" + QUOTE + "?|[^,}\\s]*)",
      Pattern.CASE_INSENSITIVE);

  /** Stretches of an unparsed or text-form body that could be a secret (one has 16 characters or more). */
  private static final Pattern CANDIDATE = Pattern.compile("[^\\s,=\"'{}\\[\\]]{16,}");

  private Redaction() {}

  /**
   * The journaled body of a refused alert with every value that is the strategy's secret masked too:
   * a secret sent under another name ({@code "Secret"}, {@code "key"}) or in the wrong place of the
   * text form is refused, but must not be kept in clear for it. Only refusals pay for the hashing.
   */
  static String strategySecret(String journaled, SecretHash secret, JsonMapper json) {
    if (journaled.startsWith("{")) {
      try {
        // Written back by the mapper that wrote it, so nothing but the masked values changes.
        JsonNode tree = json.readTree(journaled);
        mask(tree, secret);
        return json.writeValueAsString(tree);
      } catch (JacksonException notJson) {
        // An unparsed body, cut short: masked stretch by stretch below.
      }
    }
    Matcher candidate = CANDIDATE.matcher(journaled);
    StringBuilder masked = new StringBuilder(journaled.length());
    while (candidate.find()) {
      candidate.appendReplacement(masked, secret.matches(candidate.group()) ? MASK
          : Matcher.quoteReplacement(candidate.group()));
    }
    return candidate.appendTail(masked).toString();
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
    String text = body.length() > UNPARSED_MAX ? body.substring(0, UNPARSED_MAX) + "...(cut)" : body;
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
