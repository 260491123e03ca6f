package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.strategy.IpRange;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from trusted proxies, and only as far as they vouch for it. */
class ClientAddressTest {

  private final ClientAddress behindProxies =
      new ClientAddress(List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("192.168.1.7")));

  private static String of(InetAddress address) {
    return address == null ? null : address.getHostAddress();
  }

  @Test
  void without_trusted_proxies_the_header_is_ignored() {
    ClientAddress direct = new ClientAddress(List.of());

    assertThat(of(direct.resolve("198.51.100.4", "52.89.214.238"))).isEqualTo("198.51.100.4");
  }

  @Test
  void from_an_untrusted_peer_the_header_is_ignored() {
    assertThat(of(behindProxies.resolve("198.51.100.4", "52.89.214.238"))).isEqualTo("198.51.100.4");
  }

  @Test
  void from_a_trusted_proxy_the_last_untrusted_hop_is_the_client() {
    assertThat(of(behindProxies.resolve("10.1.2.3", "203.0.113.9, 52.89.214.238, 192.168.1.7")))
        .isEqualTo("52.89.214.238");
  }

  @Test
  void a_garbled_hop_makes_the_client_unknown() {
    assertThat(behindProxies.resolve("10.1.2.3", "evil.example.com")).isNull();
  }

  @Test
  void host_names_are_never_looked_up() {
    assertThat(IpRange.literal("localhost")).isEmpty();
    assertThat(IpRange.literal("example.com")).isEmpty();
  }

  @Test
  void an_ipv4_address_must_be_written_in_full() {
    // the JDK alone reads 10.1 as 10.0.0.1 and 1 as 0.0.0.1: an allowlist entry "10.1/16" would
    // silently allow 10.0.0.0/16
    assertThat(IpRange.literal("10.1")).isEmpty();
    assertThat(IpRange.literal("1")).isEmpty();
    assertThat(IpRange.literal("010.0.0.1")).isEmpty();
    assertThat(IpRange.literal("10.0.0.256")).isEmpty();
    assertThat(IpRange.literal("10.0.0.1").map(InetAddress::getHostAddress)).contains("10.0.0.1");
    assertThat(IpRange.literal("0.0.0.0").map(InetAddress::getHostAddress)).contains("0.0.0.0");
    assertThat(IpRange.literal("2001:db8::1")).isPresent();
    assertThat(IpRange.literal("::ffff:10.0.0.1")).isPresent();
    assertThatThrownBy(() -> IpRange.parse("10.1/16")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.1/16");
  }

  @Test
  void cidr_blocks_match_their_addresses_including_ipv4_mapped_ipv6() throws Exception {
    IpRange block = IpRange.parse("52.89.214.0/24");

    assertThat(block.contains(InetAddress.getByName("52.89.214.238"))).isTrue();
    assertThat(block.contains(InetAddress.getByName("52.89.215.1"))).isFalse();
    assertThat(block.contains(InetAddress.getByName("::ffff:52.89.214.9"))).isTrue();
  }
}
