package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.DayOfWeek;

/**
 * A symbol's specification, with MT5's names. {@code stopsLevel} and {@code freezeLevel} are in
 * points (10^-digits). Swaps are charged at the daily rollover, three times on
 * {@code swapTripleDay}.
 */
public record SymbolSpec(String name, int digits, BigDecimal contractSize, CalcMode calcMode,
    BigDecimal marginRate, BigDecimal initialMargin, BigDecimal tickSize, BigDecimal tickValue,
    String currencyBase, String currencyProfit, String currencyMargin, BigDecimal volumeMin,
    BigDecimal volumeMax, BigDecimal volumeStep, int stopsLevel, int freezeLevel, SwapMode swapMode,
    BigDecimal swapLong, BigDecimal swapShort, DayOfWeek swapTripleDay) {

  /** The bound of {@link #sized}: 10^10 lots, 10^10 units in a contract, 10^10 of money per lot. */
  private static final int MAX_SIZE_DIGITS = 10;

  /** Digits before the point the journal's price columns (DECIMAL(24,10)) hold. */
  private static final int MAX_INTEGER_DIGITS = 14;
  /** Digits of a price counted in units of its last digit, as the accounts count it in a long. */
  private static final int MAX_SCALED_DIGITS = 15;

  public SymbolSpec {
    require(name != null && name.matches("[A-Za-z0-9._#-]{1,32}"), "name", "symbol name must be 1-32 letters, digits or ._#-");
    require(digits >= 0 && digits <= 10, "digits", "digits must be from 0 to 10");
    require(positive(contractSize), "contractSize", "contractSize must be positive");
    require(calcMode != null, "calcMode", "calcMode is required");
    require(nonNegative(marginRate), "marginRate", "marginRate must not be negative");
    require(nonNegative(initialMargin), "initialMargin", "initialMargin must not be negative");
    require(positive(tickSize), "tickSize", "tickSize must be positive");
    require(tickSize == null || tickSize.stripTrailingZeros().scale() <= digits,
        "tickSize", "tickSize must be a whole number of points (10^-digits)");
    require(positive(tickValue), "tickValue", "tickValue must be positive");
    require(currency(currencyBase), "currencyBase", "currencyBase must be a currency code");
    require(currency(currencyProfit), "currencyProfit", "currencyProfit must be a currency code");
    require(currency(currencyMargin), "currencyMargin", "currencyMargin must be a currency code");
    require(positive(volumeStep), "volumeStep", "volumeStep must be positive");
    require(positive(volumeMin), "volumeMin", "volumeMin must be positive");
    require(volumeMax != null && volumeMin != null && volumeMax.compareTo(volumeMin) >= 0, "volumeMax",
        "volumeMax must not be below volumeMin");
    require(volumeMin == null || volumeStep == null || volumeMin.stripTrailingZeros().scale() <= 8
        && volumeStep.stripTrailingZeros().scale() <= 8, "volumeStep", "volumes have at most 8 decimals");
    require(stopsLevel >= 0, "stopsLevel", "stopsLevel must not be negative");
    require(freezeLevel >= 0, "freezeLevel", "freezeLevel must not be negative");
    require(swapMode != null, "swapMode", "swapMode is required");
    require(swapLong != null && swapShort != null, "swapLong", "swaps are required");
    require(swapTripleDay != null, "swapTripleDay", "swapTripleDay is required");
    require(calcMode != CalcMode.FUTURES || positive(initialMargin), "initialMargin",
        "FUTURES symbols need a positive initialMargin");
  }

  /**
   * Refuses (InvalidFieldException) a spec past the room in the journal's columns and in an account's
   * counting (longs), generous for any real symbol: past it the account could not be stored (a 503 that
   * blamed the database) or would overflow. Asked of a new spec only, not in the constructor: an account
   * stored before these bounds must still load.
   */
  public SymbolSpec requireStorable() {
    sized(contractSize, 8, "contractSize");
    sized(marginRate, 8, "marginRate");
    sized(initialMargin, 8, "initialMargin");
    sized(tickValue, 10, "tickValue");
    sized(volumeMin, 8, "volumeMin");
    sized(volumeMax, 8, "volumeMax");
    sized(volumeStep, 8, "volumeStep");
    sized(swapLong.abs(), 8, "swapLong");
    sized(swapShort.abs(), 8, "swapShort");
    require(countable(tickSize), "tickSize", "tickSize must be under 10^" + priceIntegerDigits()
        + ", as every price of a symbol with " + digits + " digits");
    return this;
  }

  /**
   * How many digits a price of this symbol may have before the point: fewer than 10^(15 - digits),
   * since an account counts prices in units of their last digit in a long with room left to multiply
   * them, and never more than the journal's 14. A price past it overflows inside the account.
   */
  public int priceIntegerDigits() {
    return Math.min(MAX_INTEGER_DIGITS, MAX_SCALED_DIGITS - digits);
  }

  /** True when {@code price} is under 10^{@link #priceIntegerDigits()}. */
  public boolean countable(BigDecimal price) {
    return price.precision() - price.scale() <= priceIntegerDigits();
  }

  /** The smallest price step of the quote: 10^-digits. */
  public BigDecimal point() {
    return BigDecimal.ONE.movePointLeft(digits);
  }

  private static boolean positive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }

  private static boolean nonNegative(BigDecimal value) {
    return value != null && value.signum() >= 0;
  }

  /** Under 10^{@value #MAX_SIZE_DIGITS} with at most {@code decimals} decimals (what its column keeps exactly). */
  private static void sized(BigDecimal value, int decimals, String field) {
    require(value.precision() - value.scale() <= MAX_SIZE_DIGITS && value.stripTrailingZeros().scale() <= decimals,
        field, field + " must be under 10^" + MAX_SIZE_DIGITS + " with at most " + decimals + " decimals");
  }

  private static boolean currency(String code) {
    return code != null && code.matches("[A-Z0-9]{2,8}");
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidFieldException(field, message);
    }
  }
}
