package com.mt5bridge.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every HTTP load driver takes (a picocli mixin), and the fresh database each run uses. */
final class LoadOptions {

  @Option(names = "--server", defaultValue = "jdbc:mariadb://127.0.0.1:3306/",
      description = "MariaDB server (a fresh database is created and dropped)")
  String server;

  @Option(names = "--clients", split = ",", defaultValue = "1,8,64", description = "closed-loop concurrencies")
  List<Integer> clients;

  @Option(names = "--accounts", defaultValue = "8", description = "accounts the load spreads over")
  int accounts;

  @Option(names = "--seconds", defaultValue = "10", description = "length of each run")
  int seconds;

  @Option(names = "--warmup", defaultValue = "30",
      description = "seconds of load before the first measured run, so the JIT has compiled the hot path")
  int warmup;

  @Option(names = "--rate", defaultValue = "1000", description = "the fixed-rate run's requests per second")
  int rate;

  @Option(names = "--writers", defaultValue = "1", description = "journal writers (BRIDGE_JOURNAL_WRITERS)")
  int writers;

  @Option(names = "--persistence", split = ",", defaultValue = "on,off", description = "on, off or both")
  List<String> persistence;

  @Option(names = "--jvm", split = ",", description = "JVM options for the servers under test, the bare "
      + "route's too, comma-separated (default: none, as `java -jar`)")
  List<String> jvm = List.of();

  /** The bridge on a fresh database (dropped when closed), with persistence {@code on} or {@code off}. */
  BridgeProcess startBridge(Database database, String persistence) throws Exception {
    return BridgeProcess.start(database.url(), persistence, writers, jvm);
  }

  /** A database created on {@link #server} for one run, dropped when closed. */
  Database freshDatabase(String prefix) throws SQLException {
    return Database.fresh(server, prefix);
  }

  record Database(String server, String name) implements AutoCloseable {

    /** A database created on {@code server} for one run, dropped when closed. */
    static Database fresh(String server, String prefix) throws SQLException {
      Database database = new Database(server, prefix + "_" + System.currentTimeMillis());
      execute(server, "CREATE DATABASE " + database.name());
      return database;
    }

    String url() {
      return server + name;
    }

    @Override
    public void close() throws SQLException {
      execute(server, "DROP DATABASE " + name);
    }

    private static void execute(String server, String sql) throws SQLException {
      try (var connection = DriverManager.getConnection(server, "root", "");
           var statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
