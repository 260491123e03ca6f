package com.mt5bridge.broker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The webhook journal. Signals that reach an account are recorded through that account's
 * {@link TradingDesk#record} (committed with their trades); the others (refused before reaching an
 * account, duplicates, those whose account failed) through {@link #append}.
 */
public interface SignalLog {

  /** Records a signal that changed no account; written shortly after, in the background. */
  void append(SignalRecord signal);

  Optional<SignalRecord> find(String id);

  /** A page of the journal, newest first. */
  List<SignalRecord> recent(SignalQuery query);

  /** The signal that took this idempotency key, if any. */
  Optional<SignalRecord> byKey(String strategy, String idempotencyKey);

  /** Signals with a body hash received since {@code since}: what a restart must still know to be a duplicate. */
  List<SignalRecord> hashedSince(Instant since);

  /** The idempotency keys taken since {@code since}, newest first, at most {@code limit}. */
  List<Key> keysSince(Instant since, int limit);

  /** An idempotency key a strategy's signal took, and when. */
  record Key(String strategy, String idempotencyKey, Instant receivedAt) {}
}
