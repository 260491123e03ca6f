package com.mt5bridge.testing;

import com.mt5bridge.store.Database;
import com.mt5bridge.store.EmbeddedMariaDb;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for one test class, on the real MariaDB at 127.0.0.1:3306 when it
 * answers, else on one embedded MariaDB shared by the whole test run. Dropped after the class.
 *
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

  private static final String SYSTEM_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

  private final boolean migrate;
  private String server;
  private String name;
  private Database database;

  public TestDatabase() {
    this(true);
  }

  /** @param migrate false for tests that run the migrations themselves */
  public TestDatabase(boolean migrate) {
    this.migrate = migrate;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    server = serverUrl(context);
    name = ("t_" + context.getRequiredTestClass().getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    try (var connection = DriverManager.getConnection(server, "root", "");
         var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    database = Database.connect(url(), "root", "", 8);
    if (migrate) {
      database.migrate();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    database.close();
    try (var connection = DriverManager.getConnection(server, "root", "");
         var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
    }
  }

  public String url() {
    return server + name;
  }

  public String name() {
    return name;
  }

  public Database database() {
    return database;
  }

  public DSLContext dsl() {
    return database.dsl();
  }

  private static String serverUrl(ExtensionContext context) {
    if (systemServerAnswers()) {
      return SYSTEM_SERVER;
    }
    SharedEmbedded shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(SharedEmbedded.class, k -> new SharedEmbedded(), SharedEmbedded.class);
    return "jdbc:mariadb://127.0.0.1:" + shared.server.port() + "/";
  }

  private static boolean systemServerAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** One embedded server for the whole run when the machine's server is not there. */
  private static final class SharedEmbedded implements AutoCloseable {
    final EmbeddedMariaDb server =
        EmbeddedMariaDb.start(Path.of("target", "test-mariadb"), EmbeddedMariaDb.Binaries.AUTO, 0);

    @Override
    public void close() {
      server.close();
    }
  }
}
