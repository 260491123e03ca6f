package com.mt5bridge.api;

/**
 * A request the bridge refuses, with the contract's error code, a sentence for a human and the
 * offending field when there is one, and for a refused webhook the id of the journaled signal.
 * Thrown anywhere below a handler; {@link ErrorMapping} turns it into the error body.
 */
public final class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final String field;
  private final String signal;
  private final long retryAfterSeconds;

  public ApiException(ErrorCode code, String message, String field) {
    this(code, message, field, null, 0);
  }

  private ApiException(ErrorCode code, String message, String field, String signal, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.field = field;
    this.signal = signal;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A refusal that will not stand after {@code seconds}: answered with {@code Retry-After}. */
  public static ApiException rateLimited(String message, long seconds) {
    return new ApiException(ErrorCode.RATE_LIMITED, message, null, null, seconds);
  }

  public static ApiException malformed(String message) {
    return new ApiException(ErrorCode.MALFORMED, message, null);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(ErrorCode.INVALID, message, field);
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message, null);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(ErrorCode.UNAVAILABLE, message, null);
  }

  public ErrorCode code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The same refusal, of the signal the journal keeps it under. */
  public ApiException withSignal(String signal) {
    return new ApiException(code, getMessage(), field, signal, retryAfterSeconds);
  }

  /** Seconds after which the same request may succeed, or 0 when waiting would not help. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public ErrorBody body() {
    return ErrorBody.of(code, getMessage(), field, signal);
  }
}
