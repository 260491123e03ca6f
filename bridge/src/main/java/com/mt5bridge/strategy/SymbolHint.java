package com.mt5bridge.strategy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What to add to "the account has no symbol X" when the account has a near name: the same in other
 * letter case, or one name starting the other (the broker's suffix, {@code EURUSD.r} for {@code EURUSD};
 * an exchange's, {@code BTCUSDT} for {@code BTCUSD}): the usual reasons a symbol that is plainly there
 * is not found.
 */
public final class SymbolHint {

  private static final int MAX_NAMED = 3;

  private SymbolHint() {}

  /** " (did you mean ...?)" naming up to three of {@code known}, or "" when none is near {@code wanted}. */
  public static String of(String wanted, Collection<String> known) {
    String upper = wanted.toUpperCase(Locale.ROOT);
    for (String name : known) {
      if (name.toUpperCase(Locale.ROOT).equals(upper)) {
        return " (did you mean " + name + "? symbol names are case-sensitive)";
      }
    }
    List<String> near = known.stream().filter(name -> oneStartsTheOther(name.toUpperCase(Locale.ROOT), upper))
        .sorted()
        .limit(MAX_NAMED + 1)
        .toList();
    if (near.isEmpty()) {
      return "";
    }
    String named = String.join(", ", near.subList(0, Math.min(MAX_NAMED, near.size())))
        + (near.size() > MAX_NAMED ? ", ..." : "");
    return " (did you mean " + named + "? the strategy's symbolSuffix or symbolMap names the broker's symbol)";
  }

  /** EURUSD and EURUSD.r, BTCUSDT and BTCUSD; not two names that merely share a currency (3 letters). */
  private static boolean oneStartsTheOther(String name, String wanted) {
    return name.length() > 3 && wanted.length() > 3 && (name.startsWith(wanted) || wanted.startsWith(name));
  }
}
