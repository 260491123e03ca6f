package com.mt5bridge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.MessageDigest;

/**
 * Guards {@code /api/**}: the request must carry {@code Authorization: Bearer <admin token>}.
 * Only the token's SHA-256 is held, and it is compared in constant time.
 */
public final class AdminAuth implements Handler {

  private final byte[] tokenHash;

  public AdminAuth(byte[] tokenHash) {
    this.tokenHash = tokenHash.clone();
  }

  /** True when {@code token} is the admin token. */
  public boolean accepts(String token) {
    return token != null && MessageDigest.isEqual(tokenHash, Sha256.of(token));
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
