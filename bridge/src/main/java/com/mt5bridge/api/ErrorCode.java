package com.mt5bridge.api;

/** The contract's error codes and the HTTP status each one travels with. */
public enum ErrorCode {
  MALFORMED(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  INVALID(422),
  /** A strategy limit (max volume, positions, daily loss, spread) holds the signal back. */
  RISK_LIMIT(422),
  RATE_LIMITED(429),
  INTERNAL(500),
  UNAVAILABLE(503),
  /**
   * The change was sent, but the database stopped answering before it confirmed the commit: it may
   * have been made. Not to be retried blindly: the account's state tells.
   */
  OUTCOME_UNKNOWN(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
