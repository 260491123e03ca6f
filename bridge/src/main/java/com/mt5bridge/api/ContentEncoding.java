package com.mt5bridge.api;

/**
 * Bodies are read as they come: one sent with a {@code Content-Encoding} (gzip from a relay, say)
 * is refused by name, rather than as text that is not UTF-8 or JSON that does not parse.
 */
public final class ContentEncoding {

  private ContentEncoding() {}

  /** Whether the header says the body is encoded (anything but absent or {@code identity}). */
  public static boolean compressed(String header) {
    return header != null && !header.isBlank() && !header.strip().equalsIgnoreCase("identity");
  }
}
