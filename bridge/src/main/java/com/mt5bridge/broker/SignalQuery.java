package com.mt5bridge.broker;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A page of the webhook journal, newest first: the signals that match every filter given (a null
 * filter matches all) and, with a cursor, only those older than it, so that a listing goes on from
 * the last signal of the page before.
 *
 * @param from only signals received at or after this time, or null
 * @param to only signals received before this time, or null
 * @param before the last signal of the previous page, or null for the newest
 */
public record SignalQuery(String strategy, String account, SignalStatus status, Instant from, Instant to,
    Cursor before, int limit) {

  /** Any time of receipt. */
  public SignalQuery(String strategy, String account, SignalStatus status, Cursor before, int limit) {
    this(strategy, account, status, null, null, before, limit);
  }

  /** The journal's order: newest received first, and by id, descending, among signals of the same millisecond. */
  public static final Comparator<SignalRecord> NEWEST_FIRST =
      Comparator.comparing(SignalRecord::receivedAt).thenComparing(SignalRecord::id).reversed();

  /** Where a page ended: the journal's order is by receipt, then by id. */
  public record Cursor(Instant receivedAt, String id) {

    public static Cursor of(SignalRecord signal) {
      return new Cursor(signal.receivedAt(), signal.id());
    }

    /** True when {@code signal} comes after this cursor in the journal's newest-first order. */
    boolean isAfter(SignalRecord signal) {
      int byTime = signal.receivedAt().compareTo(receivedAt);
      return byTime < 0 || byTime == 0 && signal.id().compareTo(id) < 0;
    }
  }

  /**
   * The page from two sources: {@code stored}, this query's page as storage answered it, and
   * {@code held}, signals known only in memory so far (any, unfiltered). Where both have a signal,
   * the stored copy wins: it is the later one.
   */
  public List<SignalRecord> page(List<SignalRecord> stored, Collection<SignalRecord> held) {
    if (held.isEmpty()) {
      return stored;
    }
    Set<String> storedIds = stored.stream().map(SignalRecord::id).collect(Collectors.toSet());
    return Stream.concat(stored.stream(), held.stream().filter(this::matches).filter(s -> !storedIds.contains(s.id())))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  /** True when the signal passes every filter and the cursor. */
  public boolean matches(SignalRecord signal) {
    return (strategy == null || strategy.equals(signal.strategy()))
        && (account == null || account.equals(signal.account()))
        && (status == null || status == signal.status())
        && (from == null || !signal.receivedAt().isBefore(from))
        && (to == null || signal.receivedAt().isBefore(to))
        && (before == null || before.isAfter(signal));
  }
}
