package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account's money at one moment, in its deposit currency: equity = balance + credit + floating
 * profit + swap; freeMargin = equity - margin; marginLevel = equity / margin * 100 (null without
 * margin).
 */
public record AccountFigures(BigDecimal balance, BigDecimal credit, BigDecimal equity, BigDecimal profit,
    BigDecimal margin, BigDecimal freeMargin, BigDecimal marginLevel, boolean marginCall,
    BigDecimal realizedPnl, Instant time) {}
