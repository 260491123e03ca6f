package com.mt5bridge.broker;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Specs every account starts with, so a trader can trade with no configuration. Any of them can be
 * overridden per account. Swaps are 0: set them per account to match your broker.
 */
public final class BuiltInSymbols {

  private static final Map<String, SymbolSpec> SPECS = build();

  private BuiltInSymbols() {}

  public static Map<String, SymbolSpec> all() {
    return SPECS;
  }

  private static Map<String, SymbolSpec> build() {
    Map<String, SymbolSpec> specs = new LinkedHashMap<>();
    forex(specs, "EURUSD", 5);
    forex(specs, "GBPUSD", 5);
    forex(specs, "USDJPY", 3);
    forex(specs, "USDCHF", 5);
    forex(specs, "AUDUSD", 5);
    forex(specs, "USDCAD", 5);
    forex(specs, "EURGBP", 5);
    forex(specs, "EURJPY", 3);
    // Gold: 100 oz a lot, margin 1% of the notional (like 1:100).
    add(specs, new SymbolSpec("XAUUSD", 2, dec("100"), CalcMode.CFD, dec("0.01"), BigDecimal.ZERO, dec("0.01"),
        dec("1"), "XAU", "USD", "USD", dec("0.01"), dec("100"), dec("0.01"), 0, 0, SwapMode.POINTS,
        BigDecimal.ZERO, BigDecimal.ZERO, DayOfWeek.WEDNESDAY));
    // S&P 500 index CFD: 1 unit a lot, 0.01 tick worth 0.01 USD, margin 5% of the notional.
    add(specs, new SymbolSpec("US500", 2, dec("1"), CalcMode.CFD_INDEX, dec("0.05"), BigDecimal.ZERO, dec("0.01"),
        dec("0.01"), "USD", "USD", "USD", dec("0.1"), dec("500"), dec("0.1"), 0, 0, SwapMode.POINTS,
        BigDecimal.ZERO, BigDecimal.ZERO, DayOfWeek.FRIDAY));
    return Map.copyOf(specs);
  }

  /** A currency pair: 100,000 units a lot, leverage from the account, margin in the base currency. */
  private static void forex(Map<String, SymbolSpec> specs, String name, int digits) {
    String base = name.substring(0, 3);
    String quote = name.substring(3, 6);
    add(specs, new SymbolSpec(name, digits, dec("100000"), CalcMode.FOREX, BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.ONE.movePointLeft(digits), BigDecimal.ONE, base, quote, base, dec("0.01"), dec("100"),
        dec("0.01"), 0, 0, SwapMode.POINTS, BigDecimal.ZERO, BigDecimal.ZERO, DayOfWeek.WEDNESDAY));
  }

  private static void add(Map<String, SymbolSpec> specs, SymbolSpec spec) {
    specs.put(spec.name(), spec);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
