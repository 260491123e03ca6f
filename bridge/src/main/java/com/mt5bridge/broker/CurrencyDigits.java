package com.mt5bridge.broker;

import java.util.Currency;

/** How many decimals money in a currency has: ISO 4217's minor units (JPY 0, USD 2), else 2. */
public final class CurrencyDigits {

  private CurrencyDigits() {}

  public static int of(String code) {
    try {
      int digits = Currency.getInstance(code).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException notIso) {
      return 2;
    }
  }
}
