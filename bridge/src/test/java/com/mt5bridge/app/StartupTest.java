package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.OwnedMariaDb;
import com.mt5bridge.testing.RunningBridge;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bridge started before its database answers: it listens at once, refuses trading with 503 while
 * it waits, becomes ready by itself when the database comes, and stops at once if told to first.
 */
class StartupTest {

  private static final String ALERT = "{\"secret\":\"0123456789abcdef\",\"strategy\":\"s1\",\"action\":\"buy\","
      + "\"symbol\":\"EURUSD\",\"id\":\"a1\",\"time\":\"2026-11-21T10:00:00Z\"}";

  private OwnedMariaDb mariadb;
  private String url;

  @BeforeEach
  void databaseDown() {
    mariadb = new OwnedMariaDb();
    url = mariadb.jdbcUrl("bridge");
    mariadb.stop();
  }

  @AfterEach
  void stopDatabase() {
    mariadb.close();
  }

  @Test
  void started_before_its_database_it_answers_503_until_the_database_comes_then_is_ready_by_itself() {
    try (Bridge bridge = start()) {
      Http http = new Http(bridge.port(), RunningBridge.TOKEN);

      Http.Response webhook = http.withToken(null).post("/webhook", "application/json", ALERT);
      assertThat(webhook.status()).isEqualTo(503);
      assertThat(webhook.errorCode()).isEqualTo("UNAVAILABLE");
      assertThat(webhook.json().path("error").path("message").asString())
          .isEqualTo("the bridge is starting: waiting for the database");
      Http.Response accounts = http.get("/api/broker/all");
      assertThat(accounts.status()).isEqualTo(503);
      assertThat(accounts.json().path("error").path("message").asString())
          .isEqualTo("the bridge is starting: waiting for the database");
      assertThat(http.withToken(null).get("/health").json().path("database").asString()).isEqualTo("DOWN");

      mariadb.start();

      assertThat(bridge.awaitReady(Duration.ofSeconds(30))).isTrue();
      Http.Response ready = http.get("/api/broker/all");
      assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
      assertThat(ready.json().isArray()).isTrue();
    }
  }

  @Test
  void stopped_while_waiting_for_its_database_it_stops_at_once_and_never_touches_the_database() throws Exception {
    Bridge bridge = start();
    Http http = new Http(bridge.port(), RunningBridge.TOKEN).withToken(null);
    assertThat(http.get("/health").status()).isEqualTo(503);

    long before = System.nanoTime();
    bridge.close();
    Duration stopping = Duration.ofNanos(System.nanoTime() - before);

    // The startup retries every 2 s; a stop must not wait for a database that is not there.
    assertThat(stopping).isLessThan(Duration.ofSeconds(5));
    mariadb.start();
    assertThat(bridge.awaitReady(Duration.ofSeconds(3))).isFalse();
    try (Connection connection = DriverManager.getConnection(url, "root", "");
        ResultSet tables = connection.createStatement().executeQuery(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'bridge'")) {
      tables.next();
      assertThat(tables.getInt(1)).as("tables the stopped bridge migrated").isZero();
    }
  }

  private Bridge start() {
    return RunningBridge.launch(url);
  }

}
