package com.mt5bridge.webhook;

import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import java.time.Instant;

/**
 * What the journal will say about one delivery, filled in as the delivery is understood (who sent
 * it, which strategy, what it asked) and turned into a {@link SignalRecord} when its fate is known.
 */
final class JournalEntry {

  final String id;
  final Instant receivedAt;
  String strategy;
  String account;
  String action;
  String symbol;
  String sourceIp;
  String contentType;
  String body;
  String idempotencyKey;
  String bodyHash;
  /** Set once the sender has shown the strategy's secret: its refusals are always journaled. */
  boolean authenticated;
  /** Set once the entry has been written (or handed to an account turn that writes it). */
  volatile boolean recorded;

  JournalEntry(String id, Instant receivedAt) {
    this.id = id;
    this.receivedAt = receivedAt;
  }

  /** The signal reached the broker: it keeps its keys, so a repeat is a duplicate. */
  SignalRecord carriedOut(SignalStatus status, String results, String message, Instant completedAt) {
    return record(status, idempotencyKey, bodyHash, null, results, Clip.to(message, 512), null, completedAt);
  }

  /** Refused before any trade: no keys, so a corrected retry is not mistaken for a duplicate. */
  SignalRecord refused(ApiException reason, Instant completedAt) {
    SignalRecord.Error error = new SignalRecord.Error(reason.code().name(), Clip.to(reason.getMessage(), 512),
        Clip.to(reason.field(), 64));
    return record(SignalStatus.REJECTED, null, null, error, null, null, null, completedAt);
  }

  SignalRecord duplicateOf(String first, Instant completedAt) {
    return record(SignalStatus.DUPLICATE, null, null, null, null, null, first, completedAt);
  }

  /** How a signal still in its account's hands is shown. */
  SignalRecord pending() {
    return record(SignalStatus.PENDING, idempotencyKey, bodyHash, null, null, null, null, null);
  }

  private SignalRecord record(SignalStatus status, String key, String hash, SignalRecord.Error error, String results,
      String message, String duplicateOf, Instant completedAt) {
    return new SignalRecord(id, strategy, account, key, hash, status, Clip.to(action, 16), Clip.to(symbol, 32),
        sourceIp, Clip.to(contentType, 100), body, error, results, message, duplicateOf, receivedAt, completedAt);
  }
}
