package com.mt5bridge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards {@code /api/**}: the request must carry {@code Authorization: Bearer <admin token>}.
 * Only the token's SHA-256 is held, and it is compared in constant time.
 */
public final class AdminAuth implements Handler {

  private final byte[] tokenHash;

  public AdminAuth(byte[] tokenHash) {
    this.tokenHash = tokenHash.clone();
  }

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** True when {@code token} is the admin token. */
  public boolean accepts(String token) {
    return token != null && MessageDigest.isEqual(tokenHash, sha256(token));
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "send the admin token as 'Authorization: Bearer <token>'", null);
    }
    if (!accepts(header.substring(7).trim())) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the admin token is not valid", null);
    }
  }
}
