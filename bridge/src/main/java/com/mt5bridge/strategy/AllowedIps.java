package com.mt5bridge.strategy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses a strategy's webhooks may come from; empty allows any. The entry
 * {@code tradingview} stands for the addresses TradingView publishes for its webhooks.
 */
public record AllowedIps(List<String> entries, List<IpRange> ranges) {

  public static final String TRADINGVIEW = "tradingview";

  /** TradingView's published webhook addresses (https://www.tradingview.com/support/solutions/43000529348). */
  static final List<String> TRADINGVIEW_ADDRESSES =
      List.of("52.89.214.238", "34.212.75.30", "54.218.53.128", "52.32.178.7");

  public static final AllowedIps ANY = new AllowedIps(List.of(), List.of());

  /** Parses the entries; {@link IllegalArgumentException} naming the first one that is not an address, block or preset. */
  public static AllowedIps of(List<String> entries) {
    if (entries == null || entries.isEmpty()) {
      return ANY;
    }
    List<String> kept = new ArrayList<>();
    List<IpRange> ranges = new ArrayList<>();
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        throw new IllegalArgumentException("an empty entry is not an IP address");
      }
      String trimmed = entry.trim();
      if (trimmed.toLowerCase(Locale.ROOT).equals(TRADINGVIEW)) {
        kept.add(TRADINGVIEW);
        TRADINGVIEW_ADDRESSES.forEach(address -> ranges.add(IpRange.parse(address)));
      } else {
        kept.add(trimmed);
        ranges.add(IpRange.parse(trimmed));
      }
    }
    return new AllowedIps(List.copyOf(kept), List.copyOf(ranges));
  }

  public boolean permits(InetAddress address) {
    if (ranges.isEmpty()) {
      return true;
    }
    if (address == null) {
      return false;
    }
    for (IpRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
