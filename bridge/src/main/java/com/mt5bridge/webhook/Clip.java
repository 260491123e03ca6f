package com.mt5bridge.webhook;

/** Text cut to a length, for messages and journal columns, never between the two halves of an emoji. */
final class Clip {

  private Clip() {}

  /** {@code text} if it has at most {@code max} chars, else its start, one char shorter where a pair would split. */
  static String to(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }

  /** {@code text} cut to {@code max} with {@code ...} after it when it was longer. */
  static String marked(String text, int max) {
    return text.length() <= max ? text : to(text, max) + "...";
  }
}
