package com.mt5bridge.webhook;

import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
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

  private Redaction() {}

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
