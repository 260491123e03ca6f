package com.mt5bridge.store;

import java.math.BigDecimal;

/** DECIMAL columns come back with their column's scale (1.1002000000); this gives the value its own. */
final class Decimals {

  private Decimals() {}

  static BigDecimal clean(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** At least {@code minScale} decimals, more if the value has them. */
  static BigDecimal atLeast(BigDecimal value, int minScale) {
    BigDecimal clean = clean(value);
    return clean.scale() < minScale ? clean.setScale(minScale) : clean;
  }
}
