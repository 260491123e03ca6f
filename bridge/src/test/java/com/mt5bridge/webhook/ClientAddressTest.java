package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
  void cidr_blocks_match_their_addresses_including_ipv4_mapped_ipv6() throws Exception {
    IpRange block = IpRange.parse("52.89.214.0/24");

    assertThat(block.contains(InetAddress.getByName("52.89.214.238"))).isTrue();
    assertThat(block.contains(InetAddress.getByName("52.89.215.1"))).isFalse();
    assertThat(block.contains(InetAddress.getByName("::ffff:52.89.214.9"))).isTrue();
  }
}
