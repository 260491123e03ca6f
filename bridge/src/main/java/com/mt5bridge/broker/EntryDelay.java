package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * How long a new order, from a signal or the API, may wait for its account's turn and still be sent
 * ({@code BRIDGE_ENTRY_MAX_DELAY_SECONDS}). Behind a commit the database holds up (a backup, a full
 * disk, a network cut) an order would otherwise be filled minutes or hours late, at a price nobody
 * saw, after its sender was told PENDING or gave up waiting.
 *
 * @param max the longest wait (zero: no limit)
 */
public record EntryDelay(InstantSource clock, Duration max) {

  /** How long since {@code received}, by the bridge's clock. */
  public Duration waited(Instant received) {
    return Duration.between(received, clock.instant());
  }

  /** Whether a wait this long is past the limit. */
  public boolean tooLong(Duration waited) {
    return max.isPositive() && waited.compareTo(max) > 0;
  }

  /** A duration as seconds with up to three decimals, as the refusals say it. */
  public static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
