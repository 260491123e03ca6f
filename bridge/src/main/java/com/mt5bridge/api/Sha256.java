package com.mt5bridge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the bridge's secrets and keys (admin token, strategy secrets, idempotency keys). A
 * digest is cloned from one prototype that is never updated itself: looking the algorithm up
 * costs more than hashing the short texts hashed on every webhook.
 */
public final class Sha256 {

  private static final MessageDigest PROTOTYPE = lookUp();

  private Sha256() {}

  /** A fresh digest, ready for {@code update}. */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUp();
    }
  }

  /** The hash of the text's UTF-8 bytes. */
  public static byte[] of(String text) {
    return digest().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of the text's UTF-8 bytes, in lower-case hex. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text));
  }

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
