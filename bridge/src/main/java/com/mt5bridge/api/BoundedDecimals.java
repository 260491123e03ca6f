package com.mt5bridge.api;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every decimal of a request, within what a price, volume or amount can be: under 10^15, with at
 * most 20 decimals. A number's text is short (the parser caps it), but its exponent is not:
 * {@code 1e400} is five characters, and unbounded it overflowed the account arithmetic (a 500, or a
 * batch of other requests dropped with it), or became a 400-digit string in a message.
 */
final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

  static final int MAX_INTEGER_DIGITS = 15;
  static final int MAX_DECIMALS = 20;

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    BigDecimal value = super.deserialize(p, ctxt);
    if (value != null && value.signum() != 0
        && (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.stripTrailingZeros().scale() > MAX_DECIMALS)) {
      throw InvalidFormatException.from(p, "must be under 10^" + MAX_INTEGER_DIGITS + " with at most " + MAX_DECIMALS
          + " decimals", value, BigDecimal.class);
    }
    return value;
  }
}
