package com.mt5bridge.bench;

import com.mt5bridge.api.Sha256;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the {@code signals} table takes rows as it grows past MariaDB's buffer pool, with the
 * idempotency key as the bridge writes it (the alert's time, then a SHA-256) or as a bare hash. Rows
 * go in groups of 80 per commit, as the journal's groups do under load; every 200,000 rows it prints
 * the time they took and the pages InnoDB had to read from disk for them.
 */
@Command(name = "key-order-load", mixinStandardHelpOptions = true,
    description = "Signals rows into a growing table, keyed time-first or by a bare hash.")
public final class KeyOrderLoad implements Callable<Integer> {

  private static final int GROUP = 80;
  private static final int REPORT = 200_000;
  private static final String BODY = "{\"secret\":\"***\",\"strategy\":\"s13\",\"action\":\"buy\",\"symbol\":"
      + "\"FX:EURUSD\",\"contracts\":\"1000\",\"positionSize\":\"1000\",\"id\":\"Long Entry 313510889647-2-13069\","
      + "\"time\":\"2026-11-21T19:20:48Z\"}";
  private static final String RESULT = "[{\"retcode\":10009,\"retcodeName\":\"DONE\",\"order\":25528,\"deal\":25529,"
      + "\"position\":25528,\"volume\":0.01,\"price\":1.10020,\"bid\":1.10000,\"ask\":1.10020,\"comment\":\"\"}]";

  @Option(names = "--server", defaultValue = "jdbc:mariadb://127.0.0.1:3306/", description = "MariaDB server")
  String server;

  @Option(names = "--rows", defaultValue = "1200000", description = "rows to insert per key form")
  int rows;

  @Option(names = "--keys", split = ",", defaultValue = "time-first,hash",
      description = "key forms to load, one fresh table each: time-first (as the bridge), hash (as before)")
  java.util.List<String> keys;

  public static void main(String[] args) {
    System.exit(new CommandLine(new KeyOrderLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    for (String form : keys) {
      load(form.equals("time-first"), form);
    }
    return 0;
  }

  private void load(boolean timeFirst, String form) throws Exception {
    try (LoadOptions.Database database = LoadOptions.Database.fresh(server, "bench_keys");
         Connection connection = DriverManager.getConnection(database.url(), "root", "")) {
      try (Statement statement = connection.createStatement()) {
        for (String ddl : signalsTable()) {
          statement.execute(ddl);
        }
      }
      insert(connection, timeFirst, form);
    }
  }

  private void insert(Connection connection, boolean timeFirst, String form) throws Exception {
    connection.setAutoCommit(false);
    StringBuilder sql = new StringBuilder("INSERT INTO signals (id, strategy_id, account_id, idempotency_key, status, "
        + "action, symbol, source_ip, content_type, body, result, received_at, completed_at) VALUES ");
    for (int i = 0; i < GROUP; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, 'load-1', ?, 'EXECUTED', 'buy', 'EURUSD', '127.0.0.1', "
          + "'application/json', ?, ?, ?, ?)");
    }
    long start = 1_795_288_848_000L;
    long since = System.nanoTime();
    long readsBefore = diskReads(connection);
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      for (int n = 0; n < rows; n += GROUP) {
        int p = 1;
        for (long k = n; k < n + GROUP; k++) {
          long millis = start + k / 10; // 10,000 alerts a second
          String hash = Sha256.hex("id-" + k);
          Timestamp time = Timestamp.from(Instant.ofEpochMilli(millis));
          insert.setString(p++, new UUID(millis << 16 | 0x7000 | (k & 0xfff), 0x8000000000000000L | k).toString());
          insert.setString(p++, "s" + k % 64);
          insert.setString(p++, timeFirst ? HexFormat.of().toHexDigits(millis) + hash : hash);
          insert.setString(p++, BODY);
          insert.setString(p++, RESULT);
          insert.setTimestamp(p++, time);
          insert.setTimestamp(p++, time);
        }
        insert.execute();
        connection.commit();
        if ((n + GROUP) % REPORT == 0) {
          long reads = diskReads(connection);
          System.out.printf("%s, %,d rows: the last %,d in %.1f s, %,d pages read from disk%n", form, n + GROUP,
              REPORT, (System.nanoTime() - since) / 1e9, reads - readsBefore);
          since = System.nanoTime();
          readsBefore = reads;
        }
      }
    }
  }

  /** The {@code signals} table and its indexes, as the migration creates them. */
  private static java.util.List<String> signalsTable() throws java.io.IOException {
    String schema;
    try (var migration = KeyOrderLoad.class.getResourceAsStream("/db/migration/V1__initial_schema.sql")) {
      schema = new String(migration.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String table = schema.substring(schema.indexOf("CREATE TABLE signals"), schema.indexOf("CREATE TABLE controls"));
    return java.util.Arrays.stream(table.replaceAll("--[^\n]*", "").split(";")).filter(s -> !s.isBlank()).toList();
  }

  private static long diskReads(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'")) {
      status.next();
      return status.getLong(2);
    }
  }
}
