package com.mt5bridge.broker;

import java.util.List;

/**
 * A change to an account, a fact in the past tense. For one trade they come in the fixed order
 * deals, orders, account, positions (MT5's execution cascade); a closed position comes once with
 * volume 0.
 */
public sealed interface AccountEvent {

  record DealAdded(Deal deal) implements AccountEvent {}

  record OrderChanged(Order order) implements AccountEvent {}

  /** The figures after the change, and the next ticket the account will hand out. */
  record AccountChanged(AccountFigures figures, long nextTicket) implements AccountEvent {}

  record PositionChanged(Position position) implements AccountEvent {}

  /** A point of the equity curve while positions are open (at most once a second of account time). */
  record EquitySampled(AccountFigures figures) implements AccountEvent {}

  /**
   * The latest prices of the symbols that moved since the account last wrote anything, so that a
   * restart resumes with them. Only ever added to a batch that changes something else.
   */
  record PricesSeen(List<Tick> prices) implements AccountEvent {}

  /** A webhook signal this account handled, committed with the trades it made. */
  record SignalRecorded(SignalRecord signal) implements AccountEvent {}

  /** The events of one account, in order. */
  record Batch(String account, List<AccountEvent> events) {}
}
