package com.mt5bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

  private final Path home = Path.of("target", "embedded-test", UUID.randomUUID().toString().substring(0, 8));

  @Test
  void a_second_start_finds_the_data_of_the_first() throws SQLException {
    try (EmbeddedMariaDb first = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      execute(first.jdbcUrl("bridge"), "CREATE TABLE kept (v INT)", "INSERT INTO kept VALUES (42)");
    }

    try (EmbeddedMariaDb second = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      assertThat(queryInt(second.jdbcUrl("bridge"), "SELECT v FROM kept")).isEqualTo(42);
    }
  }

  @Test
  void a_server_left_running_by_a_killed_bridge_is_stopped_before_the_next_start() throws SQLException {
    EmbeddedMariaDb abandoned = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0);
    execute(abandoned.jdbcUrl("bridge"), "CREATE TABLE kept (v INT)", "INSERT INTO kept VALUES (7)");
    // No close(): as if the bridge had been killed with SIGKILL. Its server still holds the files.

    try (EmbeddedMariaDb next = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      assertThat(queryInt(next.jdbcUrl("bridge"), "SELECT v FROM kept")).isEqualTo(7);
    }
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (var connection = DriverManager.getConnection(url, "root", "");
         var statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static int queryInt(String url, String sql) throws SQLException {
    try (var connection = DriverManager.getConnection(url, "root", "");
         var statement = connection.createStatement();
         var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
