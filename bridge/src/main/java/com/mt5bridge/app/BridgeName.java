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

  private static String host() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.length() > MAX_HOST ? name.substring(0, MAX_HOST) : name;
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
