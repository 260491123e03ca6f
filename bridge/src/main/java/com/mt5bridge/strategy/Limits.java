package com.mt5bridge.strategy;

import java.math.BigDecimal;

/**
 * What a strategy may do, checked before the broker sees an order; 0 means no limit. All but the
 * rate only hold back trades that add exposure: closing and cancelling are always allowed.
 *
 * @param maxVolume most lots one signal may open
 * @param maxPositions most open positions plus pending orders of the strategy
 * @param maxDailyLoss the day's realized plus floating loss (deposit currency; the day of the account's
 *     server time zone) at which new entries stop
 * @param maxSpreadPoints widest spread, in points, at which a market entry is still sent
 * @param maxSignalsPerMinute signals taken per minute (a token bucket holding one minute's worth)
 * @param maxSignalAgeSeconds oldest an alert may be when its turn on the account comes, by its {@code time},
 *     to open a trade: a delivery held up somewhere (or a signal waiting behind a commit the database
 *     holds up) must not enter at a price the strategy never saw
 */
public record Limits(BigDecimal maxVolume, int maxPositions, BigDecimal maxDailyLoss, int maxSpreadPoints,
    int maxSignalsPerMinute, int maxSignalAgeSeconds) {

  public static final int DEFAULT_SIGNALS_PER_MINUTE = 120;

  public static final Limits NONE = new Limits(BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, DEFAULT_SIGNALS_PER_MINUTE, 0);
}
