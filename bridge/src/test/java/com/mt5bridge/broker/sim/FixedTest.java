package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tick path's scaled-long arithmetic against BigDecimal, the exact reference. */
class FixedTest {

  @Test
  void mul_div_rounds_half_up_exactly_like_big_decimal_including_past_64_bit_products() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      long a = random.nextLong() >> random.nextInt(40);
      long b = ((random.nextLong() >>> 1) >> (20 + random.nextInt(40))) + 1;
      long c = ((random.nextLong() >>> 1) >> (20 + random.nextInt(40))) + 1;
      BigDecimal exact = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b))
          .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP);
      if (exact.toBigInteger().bitLength() < 63) {
        assertThat(Fixed.mulDiv(a, b, c)).as("%d x %d / %d", a, b, c).isEqualTo(exact.longValueExact());
      }
    }
  }

  @Test
  void mul_div_refuses_a_result_that_does_not_fit() {
    assertThatThrownBy(() -> Fixed.mulDiv(Long.MAX_VALUE, 3, 2)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void halves_round_away_from_zero() {
    assertThat(Fixed.divideHalfUp(5, 2)).isEqualTo(3);
    assertThat(Fixed.divideHalfUp(-5, 2)).isEqualTo(-3);
    assertThat(Fixed.divideHalfUp(-4, 3)).isEqualTo(-1);
    assertThat(Fixed.divideHalfUp(7, -2)).isEqualTo(-4);
  }

  @Test
  void compare_products_is_exact_beyond_64_bits() {
    long big = 3_000_000_000_000L;
    assertThat(Fixed.compareProducts(big, big, big, big)).isZero();
    assertThat(Fixed.compareProducts(big, big + 1, big, big)).isPositive();
    assertThat(Fixed.compareProducts(-big, big, big, big)).isNegative();
    assertThat(Fixed.compareProducts(-big, big, -big, big + 1)).isPositive();
  }

  @Test
  void a_quote_scales_exactly_and_more_decimals_than_the_scale_are_refused() {
    assertThat(Fixed.scaledQuote(new BigDecimal("1.10020"), 8)).isEqualTo(110_020_000L);
    assertThat(Fixed.scaledQuote(new BigDecimal("150"), 6)).isEqualTo(150_000_000L);
    assertThatThrownBy(() -> Fixed.scaledQuote(new BigDecimal("1.100201"), 5)).isInstanceOf(ArithmeticException.class);
  }
}
