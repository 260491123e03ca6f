package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Converts amounts between currencies at the latest mid prices the {@link TickHub} has seen:
 * through a pair that links them directly, or through USD. For views across accounts
 * (consolidated P&L); an account's own money converts inside its engine.
 */
public final class CurrencyRates {

  private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

  private final TickHub ticks;

  public CurrencyRates(TickHub ticks) {
    this.ticks = ticks;
  }

  /** {@code amount} in {@code from}, in {@code to}; empty when no priced pair links them. */
  public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
    if (from.equals(to)) {
      return Optional.of(amount);
    }
    Optional<BigDecimal> direct = rate(from, to);
    if (direct.isPresent()) {
      return Optional.of(amount.multiply(direct.get()));
    }
    return rate(from, "USD").flatMap(toUsd -> rate("USD", to).map(toTarget -> amount.multiply(toUsd).multiply(toTarget)));
  }

  /** Units of {@code to} per unit of {@code from}. */
  private Optional<BigDecimal> rate(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(BigDecimal.ONE);
    }
    for (SymbolSpec spec : ticks.knownSymbols()) {
      Optional<Tick> tick = ticks.latest(spec.name());
      if (tick.isEmpty()) {
        continue;
      }
      BigDecimal mid = tick.get().bid().add(tick.get().ask()).divide(BigDecimal.TWO);
      if (spec.currencyBase().equals(from) && spec.currencyProfit().equals(to)) {
        return Optional.of(mid);
      }
      if (spec.currencyBase().equals(to) && spec.currencyProfit().equals(from)) {
        return Optional.of(BigDecimal.ONE.divide(mid, DIVISION));
      }
    }
    return Optional.empty();
  }
}
