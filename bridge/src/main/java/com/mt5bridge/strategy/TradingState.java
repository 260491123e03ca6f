package com.mt5bridge.strategy;

/**
 * Where the kill switch stands.
 *
 * @param paused trading is paused for every strategy
 * @param stored the database holds the newest change of it (false: a pause in effect here that a
 *     restart would lose until the bridge has stored it)
 */
public record TradingState(boolean paused, boolean stored) {

  /** In one word, for {@code /health}: ACTIVE, PAUSED, or PAUSED_NOT_STORED. */
  public String word() {
    return !paused ? "ACTIVE" : stored ? "PAUSED" : "PAUSED_NOT_STORED";
  }
}
