package com.mt5bridge.store;

import java.nio.file.Path;

/** Where the bridge keeps its data: a MariaDB server it is given, or one it starts itself. */
public sealed interface DatabaseSettings {

  /** A server named by BRIDGE_DB_URL; the bridge never starts or stops it. */
  record External(String url, String user, String password, int poolSize) implements DatabaseSettings {
    @Override
    public String toString() {
      return "External[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
          + ", poolSize=" + poolSize + "]";
    }
  }

  /** An embedded MariaDB with its files under {@code dataDir}, started and stopped with the bridge. */
  record Embedded(Path dataDir, EmbeddedMariaDb.Binaries binaries, int port, int poolSize)
      implements DatabaseSettings {}

  int poolSize();
}
