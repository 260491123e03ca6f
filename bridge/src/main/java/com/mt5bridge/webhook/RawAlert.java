package com.mt5bridge.webhook;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert body that parsed, before its fields are checked: each field under the contract's name
 * for it, with the name the sender used and the value as sent (a String, a BigDecimal for a JSON
 * number, a Boolean, null, or a JSON object or array). Checking waits until the sender is known.
 *
 * @param json the message as parsed, for the JSON form (null for the text form)
 * @param problems what is wrong beyond syntax (a part that is not key=value, a field given twice),
 *     reported once the sender is known
 */
record RawAlert(Format format, Map<String, Field> fields, ObjectNode json, java.util.List<Problem> problems) {

  record Problem(String field, String message) {}

  enum Format { JSON, TEXT }

  /** A field as sent: {@code name} as the sender wrote it. */
  record Field(String name, Object value) {}

  /** A text field's value, or null when absent or not text. */
  String text(String field) {
    Field f = fields.get(field);
    if (f == null) {
      return null;
    }
    return switch (f.value()) {
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case null, default -> null;
    };
  }
}
