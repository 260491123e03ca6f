package com.mt5bridge.strategy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One address or a CIDR block ({@code 52.89.214.238}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}).
 * Only literals are accepted: nothing here ever resolves a host name.
 */
public record IpRange(String text, byte[] network, int prefixBits) {

  private static final Pattern DOTTED_QUAD = Pattern.compile("(?:(?:0|[1-9][0-9]{0,2})\\.){3}(?:0|[1-9][0-9]{0,2})");

  /** Parses an address or block; {@link IllegalArgumentException} with a sentence when it is neither. */
  public static IpRange parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    InetAddress parsed = literal(address)
        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
    byte[] bytes = parsed.getAddress();
    int bits = bytes.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bytes.length * 8);
      }
    }
    return new IpRange(trimmed, mask(bytes, bits), bits);
  }

  /**
   * An address literal, or empty when {@code text} is not one (host names are never looked up). An
   * IPv4 address must be written in full, four decimal numbers without leading zeros: the JDK also
   * takes the old short forms, in which {@code 10.1} is 10.0.0.1, not the 10.1.x.x an operator meant,
   * and {@code 010} is 10 where other tools read octal 8.
   */
  public static java.util.Optional<InetAddress> literal(String text) {
    if (text == null || text.isEmpty() || (text.indexOf(':') < 0 && !DOTTED_QUAD.matcher(text).matches())) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.ofLiteral(text));
    } catch (IllegalArgumentException notLiteral) {
      return java.util.Optional.empty();
    }
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = normalize(address.getAddress(), network.length);
    return bytes != null && Arrays.equals(mask(bytes, prefixBits), network);
  }

  /** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match IPv4 ranges. */
  private static byte[] normalize(byte[] bytes, int length) {
    if (bytes.length == length) {
      return bytes;
    }
    if (bytes.length == 16 && length == 4) {
      for (int i = 0; i < 10; i++) {
        if (bytes[i] != 0) {
          return null;
        }
      }
      if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
        return Arrays.copyOfRange(bytes, 12, 16);
      }
    }
    return null;
  }

  private static byte[] mask(byte[] bytes, int bits) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
    }
    return masked;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpRange range && range.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
