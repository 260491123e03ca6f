package com.mt5bridge.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Scaled-long arithmetic for the tick path. Conversions go through {@link BigDecimal}, never
 * through a double; anything that could overflow is checked and throws {@link ArithmeticException},
 * upon which callers take the exact BigDecimal path instead.
 */
final class Fixed {

  /** Money on the tick path: units of 10^-8 of the deposit currency. */
  static final int MONEY_SCALE = 8;

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private Fixed() {}

  static long pow10(int exponent) {
    if (exponent < 0 || exponent >= POWERS.length) {
      throw new ArithmeticException("10^" + exponent + " does not fit a long");
    }
    return POWERS[exponent];
  }

  /** {@code value × 10^scale} exactly, or ArithmeticException when it has more decimals or does not fit. */
  static long scaled(BigDecimal value, int scale) {
    return value.movePointRight(scale).longValueExact();
  }

  /**
   * {@link #scaled} for quotes, the tick path's conversion: a quote has no more decimals than the
   * scale (checked when the tick came in), so its unscaled value is widened by a power of ten.
   */
  static long scaledQuote(BigDecimal quote, int scale) {
    int decimals = quote.scale();
    if (decimals >= 0 && decimals <= scale && quote.precision() <= 18) {
      long unscaled = quote.scaleByPowerOfTen(decimals).longValueExact();
      return Math.multiplyExact(unscaled, pow10(scale - decimals));
    }
    return scaled(quote, scale);
  }

  static BigDecimal decimal(long scaled, int scale) {
    return BigDecimal.valueOf(scaled, scale);
  }

  /**
   * {@code a × b / c} rounded half-up, exact; ArithmeticException if the result does not fit. As
   * (a / c) × b + (a % c) × b / c, so a large amount times a rate stays within a long.
   */
  static long mulDiv(long a, long b, long c) {
    long quotient = a / c;
    long remainder = a % c;
    long high = Math.multiplyHigh(remainder, b);
    long low = remainder * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return Math.addExact(Math.multiplyExact(quotient, b), divideHalfUp(low, c));
    }
    return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b))
        .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP).longValueExact();
  }

  static long divideHalfUp(long dividend, long divisor) {
    long quotient = dividend / divisor;
    long remainder = dividend % divisor;
    if (remainder == 0) {
      return quotient;
    }
    // Compare 2|r| with |d| without overflowing.
    long twiceRemainder = Math.abs(remainder);
    boolean roundAway = twiceRemainder >= Math.abs(divisor) - twiceRemainder;
    if (!roundAway) {
      return quotient;
    }
    return (dividend < 0) == (divisor < 0) ? quotient + 1 : quotient - 1;
  }

  /** Signum of {@code a×b − c×d}, exact for any longs (128-bit products). */
  static int compareProducts(long a, long b, long c, long d) {
    long highAb = Math.multiplyHigh(a, b);
    long highCd = Math.multiplyHigh(c, d);
    if (highAb != highCd) {
      return highAb < highCd ? -1 : 1;
    }
    return Long.compareUnsigned(a * b, c * d);
  }
}
