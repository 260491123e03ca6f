package com.mt5bridge.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A strategy secret as stored: {@code sha256:<salt>:<hash>}, never the secret itself. SHA-256 over
 * a random salt rather than a slow password hash: secrets are long random strings checked on
 * every webhook, so a guess costs the attacker the secret's entropy, not the hash's slowness.
 */
public final class SecretHash {

  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretHash() {}

  public static String of(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "sha256:" + HEX.formatHex(salt) + ":" + HEX.formatHex(digest(salt, secret));
  }

  /** True when {@code secret} is the one {@code stored} was made from; compared in constant time. */
  public static boolean matches(String stored, String secret) {
    if (stored == null || secret == null) {
      return false;
    }
    String[] parts = stored.split(":");
    if (parts.length != 3 || !parts[0].equals("sha256")) {
      return false;
    }
    byte[] expected = HEX.parseHex(parts[2]);
    return MessageDigest.isEqual(expected, digest(HEX.parseHex(parts[1]), secret));
  }

  private static byte[] digest(byte[] salt, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
