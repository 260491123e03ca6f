package com.mt5bridge.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This run of the bridge, as {@code broker_state.owner} names the bridge serving an account: the
 * host and process an operator can find it by, and a random part, so that a restart (same host,
 * perhaps the same pid in a container) is a new name.
 */
final class BridgeName {

  private static final int MAX_HOST = 64;

  private BridgeName() {}

  static String create() {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return host() + " pid " + ProcessHandle.current().pid() + " run " + HexFormat.of().formatHex(random);
  }

  /** The environment's name for the host first: asking the resolver can hang on a machine whose DNS is amiss. */
  private static String host() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      name = System.getenv("COMPUTERNAME");
    }
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        name = "unknown-host";
      }
    }
    name = name.strip();
    return name.length() > MAX_HOST ? name.substring(0, MAX_HOST) : name;
  }
}
