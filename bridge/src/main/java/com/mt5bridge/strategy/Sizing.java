package com.mt5bridge.strategy;

import java.math.BigDecimal;

/**
 * How a strategy sizes the orders its alerts open, unless the alert says (its own volume, risk or
 * contracts win).
 *
 * @param volume FIXED: lots per order
 * @param multiplier CONTRACTS and positionSize: lots per contract of the alert (1 when unset)
 * @param riskPercent RISK: percent of the balance lost at the stop-loss
 * @param equity ALLOCATION: the notional the strategy trades with, in the deposit currency
 * @param weight ALLOCATION without {@code equity}: the share of the account's equity used as notional
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Sizing(Mode mode, BigDecimal volume, BigDecimal multiplier, BigDecimal riskPercent,
    BigDecimal equity, BigDecimal weight) {

  public enum Mode { FIXED, CONTRACTS, RISK, ALLOCATION }

  public BigDecimal multiplierOrOne() {
    return multiplier == null ? BigDecimal.ONE : multiplier;
  }
}
