package com.mt5bridge.store;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.testing.CapturedLogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

  @Test
  void a_server_that_dies_is_started_again_on_its_port_with_its_data() throws Exception {
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      String url = server.jdbcUrl("bridge");
      execute(url, "CREATE TABLE kept (v INT)", "INSERT INTO kept VALUES (5)");
      long pid = end(server, true); // as the kernel's OOM killer would: SIGKILL, no clean shutdown

      assertThat(answerWithin(url, Duration.ofSeconds(60))).isEqualTo(5);
      // Counted once the launch has returned, which can be a moment after the server first answers.
      eventually(Duration.ofSeconds(5), () -> assertThat(server.restarts()).isEqualTo(1));
      assertThat(pid(server)).isNotEqualTo(pid);

      // Dying again within a minute of its restart: started again only after a wait (1 s), so a server that
      // crashes as it starts is not restarted in a tight loop.
      end(server, true);
      long died = System.nanoTime();
      assertThat(answerWithin(url, Duration.ofSeconds(60))).isEqualTo(5);
      assertThat(Duration.ofNanos(System.nanoTime() - died)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      eventually(Duration.ofSeconds(5), () -> assertThat(server.restarts()).isEqualTo(2));
    }
  }

  @Test
  void restarts_that_fail_are_retried_by_one_loop_until_one_succeeds() throws Exception {
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      String url = server.jdbcUrl("bridge");
      execute(url, "CREATE TABLE kept (v INT)", "INSERT INTO kept VALUES (9)");
      end(server, true);
      // Something else takes the port: each restart fails (mariadbd cannot bind it) and exits.
      try (ServerSocket squatter = new ServerSocket(server.port(), 50, InetAddress.getLoopbackAddress());
           CapturedLogs logs = new CapturedLogs()) {
        Thread.sleep(3_500); // restarts at once, after 1 s and after 2 s more: three failures
        // Each failed attempt's exit started another loop before, each starting more.
        assertThat(Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("embedded-db-restart") && t.isAlive()).count()).isEqualTo(1);
        assertThat(server.restarts()).isZero();
        // Each failure says why in one line: the server's own last error, not its whole console.
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("embedded MariaDB did not start again"))
            .isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("reason=mariadbd exited before it was ready: Do you already have another server running on "
                    + "port: " + server.port() + " ?").doesNotContain("\n"));
      }

      assertThat(answerWithin(url, Duration.ofSeconds(60))).isEqualTo(9);
      // Counted once the launch has returned, which can be a moment after the server first answers.
      eventually(Duration.ofSeconds(5), () -> assertThat(server.restarts()).isEqualTo(1));
    }
  }

  @Test
  void a_server_shut_down_cleanly_is_left_down() throws Exception {
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(home, EmbeddedMariaDb.Binaries.AUTO, 0)) {
      String url = server.jdbcUrl("bridge");
      end(server, false); // SIGTERM, as mariadb-admin shutdown or a second bridge taking the data directory over
      Thread.sleep(3_000); // longer than a restart takes here, had one begun

      assertThatThrownBy(() -> queryInt(url, "SELECT 1")).isInstanceOf(SQLException.class);
      assertThat(server.restarts()).isZero();
    }
  }

  /** Ends the server's process (SIGKILL, or SIGTERM for a clean shutdown) and waits for it; its pid. */
  private static long end(EmbeddedMariaDb server, boolean kill) throws IOException {
    long pid = pid(server);
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    if (kill) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    process.onExit().join();
    return pid;
  }

  private static long pid(EmbeddedMariaDb server) throws IOException {
    return Long.parseLong(Files.readString(server.dataDir().resolve("mariadbd.pid")).trim());
  }

  /** The value in {@code kept} once the server answers again; the restart takes a few seconds. */
  private static int answerWithin(String url, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      try {
        return queryInt(url, "SELECT v FROM kept");
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the server did not answer again within " + limit, notYet);
        }
        Thread.sleep(200);
      }
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
