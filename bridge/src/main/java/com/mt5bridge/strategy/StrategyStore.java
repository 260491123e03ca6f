package com.mt5bridge.strategy;

import java.util.List;

/**
 * Where strategies and the kill switch are kept. Every change is written together with its
 * audit_log entry, in one transaction, naming who made it.
 */
public interface StrategyStore {

  List<Strategy> all();

  boolean tradingPaused();

  /** {@link StrategyExistsException} when the id is taken. */
  void insert(Strategy strategy, String actor);

  /**
   * Replaces the strategy whose version is {@code strategy.version() - 1}; false when it changed meanwhile.
   *
   * @param action what the change was, for the audit log (strategy.update, strategy.pause...)
   */
  boolean update(Strategy strategy, String actor, String action);

  /** False when there was no such strategy. */
  boolean delete(String id, String actor);

  void setTradingPaused(boolean paused, String actor);

  /** A strategy id that is taken. */
  final class StrategyExistsException extends RuntimeException {
    public StrategyExistsException(String id) {
      super("strategy " + id + " already exists", null, false, false);
    }
  }
}
