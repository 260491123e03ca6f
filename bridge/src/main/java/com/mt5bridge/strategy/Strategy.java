package com.mt5bridge.strategy;

import java.time.Instant;
import java.util.Map;

/**
 * A TradingView strategy as the bridge knows it: the account it trades, its secret (hashed), the
 * magic number that marks its orders and positions, how alert symbols map to the account's, how it
 * sizes and what it may do.
 *
 * @param enabled false while paused: every alert is refused
 * @param exitsOnly winding down: alerts may reduce and close the strategy's positions, never add to them
 */
public record Strategy(String id, String account, SecretHash secretHash, boolean enabled, boolean exitsOnly,
    long magic, Map<String, String> symbolMap, String symbolPrefix, String symbolSuffix, Sizing sizing, Limits limits,
    AllowedIps allowedIps, Instant createdAt, Instant updatedAt, long version) {

  /**
   * The account's symbol for an alert's: an exchange prefix ({@code FX:}, {@code OANDA:}) is dropped;
   * a mapped name is taken as it is, any other gets the strategy's prefix and suffix.
   */
  public String symbolFor(String alertSymbol) {
    String name = alertSymbol.substring(alertSymbol.lastIndexOf(':') + 1).trim();
    String mapped = symbolMap.get(name);
    return mapped != null ? mapped : symbolPrefix + name + symbolSuffix;
  }

  /** The strategy paused, resumed (trading fully again) or winding down (exits only). */
  public Strategy withState(boolean on, boolean exitsOnlyNow, Instant now) {
    return new Strategy(id, account, secretHash, on, exitsOnlyNow, magic, symbolMap, symbolPrefix, symbolSuffix, sizing,
        limits, allowedIps, createdAt, now, version + 1);
  }
}
