package com.mt5bridge.broker;

import java.time.Instant;

/**
 * One webhook signal as the journal keeps it: who sent what, and what became of it. The body is
 * stored as received with the secret redacted; {@code results} is the trade results' JSON as the
 * webhook answered it, {@code message} the sentence it answered with them (a broker's refusal
 * explained), if any. A signal that trades is committed in the same transaction as its deals.
 *
 * @param idempotencyKey the key that makes a repeated alert a duplicate ({@code id} + {@code time}), or null
 * @param bodyHash the hash of the body, for alerts without an id: a repeat within the window is a duplicate
 * @param duplicateOf for a DUPLICATE, the signal it repeated
 */
public record SignalRecord(String id, String strategy, String account, String idempotencyKey, String bodyHash,
    SignalStatus status, String action, String symbol, String sourceIp, String contentType, String body,
    Error error, String results, String message, String duplicateOf, Instant receivedAt, Instant completedAt) {

  /** Why a signal was refused, in the contract's error terms. */
  public record Error(String code, String message, String field) {}
}
