package com.mt5bridge.testing;

import com.mt5bridge.store.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A MariaDB server that a test owns and may stop and start again (same port, same data): the way
 * to prove the bridge survives a database outage.
 */
public final class OwnedMariaDb implements AutoCloseable {

  private final Path home;
  private final int port;
  private EmbeddedMariaDb server;

  public OwnedMariaDb() {
    this.home = Path.of("target", "owned-mariadb", UUID.randomUUID().toString().substring(0, 8));
    this.server = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0);
    this.port = server.port();
  }

  /** A JDBC URL for {@code database}, created if missing. */
  public String jdbcUrl(String database) {
    return server.jdbcUrl(database);
  }

  public int port() {
    return port;
  }

  public void stop() {
    server.close();
    server = null;
  }

  public void start() {
    server = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, port);
  }

  /**
   * Stops the server's process without ending it (SIGSTOP): its connections stay open and nothing
   * answers on them, as with a server that hangs or a network cut. {@link #thaw} lets it go on.
   */
  public void freeze() {
    signal("STOP");
  }

  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      String pid = Files.readString(server.dataDir().resolve("mariadbd.pid")).trim();
      int exit = new ProcessBuilder("kill", "-" + name, pid).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid + " exited " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
