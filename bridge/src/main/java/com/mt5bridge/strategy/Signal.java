package com.mt5bridge.strategy;

import com.mt5bridge.broker.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What one alert asks a strategy to do, validated and with the account's symbol; null fields were
 * not given. Prices are prices, {@code slPips}/{@code tpPips} distances from the entry.
 *
 * @param kind MARKET, or LIMIT/STOP for a pending order at {@code price}
 * @param positionSize TradingView's signed net position after the order: trade the difference
 * @param age how long before it arrived the alert fired, by its {@code time}; null without a time
 * @param received when it arrived at the bridge (the bridge's clock)
 */
public record Signal(Action action, String symbol, OrderType.Kind kind, BigDecimal price, BigDecimal volume,
    BigDecimal contracts, BigDecimal risk, BigDecimal sl, BigDecimal tp, BigDecimal slPips, BigDecimal tpPips,
    BigDecimal positionSize, String comment, Duration age, Instant received) {}
