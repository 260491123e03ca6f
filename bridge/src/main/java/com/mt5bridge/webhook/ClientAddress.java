package com.mt5bridge.webhook;

import com.mt5bridge.strategy.IpRange;
import java.net.InetAddress;
import java.util.List;

/**
 * Who sent a webhook: the connection's address, or, when that is a trusted proxy, the last address
 * in {@code X-Forwarded-For} that is not one of the trusted proxies (a client can write anything at
 * the front of the header; only what our own proxies appended is believed).
 */
final class ClientAddress {

  private final List<IpRange> trustedProxies;

  ClientAddress(List<IpRange> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The client's address, or null when it cannot be told. */
  InetAddress resolve(String remoteAddress, String forwardedFor) {
    InetAddress remote = IpRange.literal(strip(remoteAddress)).orElse(null);
    if (remote == null || forwardedFor == null || !trusted(remote)) {
      return remote;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = IpRange.literal(strip(hops[i])).orElse(null);
      if (hop == null) {
        return null;
      }
      if (!trusted(hop)) {
        return hop;
      }
    }
    return remote;
  }

  private boolean trusted(InetAddress address) {
    for (IpRange range : trustedProxies) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String address) {
    if (address == null) {
      return null;
    }
    String trimmed = address.strip();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}
