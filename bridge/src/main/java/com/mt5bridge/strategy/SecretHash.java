package com.mt5bridge.strategy;

import com.mt5bridge.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A strategy secret as it is kept: a random salt and the SHA-256 of salt and secret, stored as
 * {@code sha256:<salt>:<hash>}; never the secret itself. SHA-256 rather than a slow password hash:
 * secrets are long random strings checked on every webhook, so a guess costs the attacker the
 * secret's entropy, not the hash's slowness.
 */
public final class SecretHash {

  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] salt;
  private final byte[] hash;

  private SecretHash(byte[] salt, byte[] hash) {
    this.salt = salt;
    this.hash = hash;
  }

  /** A new salt and the hash of {@code secret} with it. */
  public static SecretHash of(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new SecretHash(salt, digest(salt, secret));
  }

  /** Reads the stored form; {@link IllegalArgumentException} when it is not one. */
  public static SecretHash parse(String stored) {
    String[] parts = stored.split(":");
    if (parts.length != 3 || !parts[0].equals("sha256")) {
      throw new IllegalArgumentException("not a stored secret hash");
    }
    return new SecretHash(HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
  }

  /** True when {@code secret} is the one this was made from; compared in constant time. */
  public boolean matches(String secret) {
    return secret != null && MessageDigest.isEqual(hash, digest(salt, secret));
  }

  /** The stored form, {@code sha256:<salt>:<hash>}. */
  public String stored() {
    return "sha256:" + HEX.formatHex(salt) + ":" + HEX.formatHex(hash);
  }

  @Override
  public String toString() {
    return "SecretHash[***]";
  }

  private static byte[] digest(byte[] salt, String secret) {
    MessageDigest sha = Sha256.digest();
    sha.update(salt);
    return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
  }
}
