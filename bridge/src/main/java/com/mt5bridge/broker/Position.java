package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position as a trader sees it, valued at the current price. A closed position is shown
 * once more with volume 0.
 */
public record Position(long ticket, String symbol, Side type, BigDecimal volume, BigDecimal priceOpen,
    BigDecimal priceCurrent, BigDecimal sl, BigDecimal tp, BigDecimal profit, BigDecimal swap,
    BigDecimal commission, long magic, String comment, Instant timeOpen, Instant timeUpdate) {}
