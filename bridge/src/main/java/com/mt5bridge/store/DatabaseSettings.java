package com.mt5bridge.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where the bridge keeps its data: a MariaDB server it is given, or one it starts itself. */
public sealed interface DatabaseSettings {

  /** A server named by BRIDGE_DB_URL; the bridge never starts or stops it. */
  record External(String url, String user, String password, int poolSize) implements DatabaseSettings {

    /** MariaDB's driver takes {@code password} and its alias {@code pwd}, in any letter case. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&;](?:password|pwd)=)[^&;]*");

    /** A JDBC URL fit to show: a password given in it ({@code ?password=...}) masked. */
    public static String maskedUrl(String url) {
      return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
      return "External[url=" + maskedUrl(url) + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
          + ", poolSize=" + poolSize + "]";
    }
  }

  /** An embedded MariaDB with its files under {@code dataDir}, started and stopped with the bridge. */
  record Embedded(Path dataDir, EmbeddedMariaDb.Binaries binaries, int port, int poolSize)
      implements DatabaseSettings {}

  int poolSize();
}
