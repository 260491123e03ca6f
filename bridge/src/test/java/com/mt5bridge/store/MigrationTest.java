package com.mt5bridge.store;

import static com.mt5bridge.store.schema.Tables.SIGNALS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.store.schema.DefaultSchema;
import com.mt5bridge.testing.CapturedLogs;
import com.mt5bridge.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.Table;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase(false);

  private static final List<String> PRODUCT_TABLES = List.of("audit_log", "broker_state", "controls", "equity_snapshots",
      "orders", "positions", "signals", "strategies", "symbols", "trades");

  @Test
  @Order(1)
  void migrations_create_every_table_from_an_empty_database() {
    assertThat(tables()).isEmpty();

    List<String> logged;
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Database.class)) {
      db.database().migrate();
      logged = logs.lines();
    }

    assertThat(tables()).containsAll(PRODUCT_TABLES).contains("flyway_schema_history");
    assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")).isEqualTo(migrationFiles());
    assertThat(logged).contains("database schema migrated from=empty to=" + migrationFiles()
        + " migrations=" + migrationFiles());
  }

  @Test
  @Order(2)
  void migrating_again_changes_nothing() {
    long applied = count("SELECT COUNT(*) FROM flyway_schema_history");

    List<String> logged;
    try (CapturedLogs logs = CapturedLogs.withInfoOf(Database.class)) {
      db.database().migrate();
      logged = logs.lines();
    }

    assertThat(count("SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(applied);
    assertThat(logged).noneMatch(line -> line.contains("migrated"));
  }

  @Test
  @Order(3)
  void the_generated_jooq_classes_match_the_migrated_schema() {
    List<Table<?>> generated = DefaultSchema.DEFAULT_SCHEMA.getTables();

    assertThat(generated).extracting(Table::getName).containsExactlyInAnyOrderElementsOf(PRODUCT_TABLES);
    for (Table<?> table : generated) {
      // Selecting every generated column by name fails if one is missing or misnamed in the database.
      assertThat(db.dsl().select(table.fields()).from(table).limit(0).fetch()).isEmpty();
    }
  }

  @Test
  @Order(4)
  void a_signal_with_a_repeated_idempotency_key_is_refused_by_the_database() {
    int first = insertSignal("s-1");
    int second = insertSignal("s-2");

    assertThat(first).isOne();
    assertThat(second).isZero();
  }

  private static int insertSignal(String id) {
    return db.dsl().insertInto(SIGNALS)
        .set(SIGNALS.ID, id)
        .set(SIGNALS.STRATEGY_ID, "trend-eu")
        .set(SIGNALS.IDEMPOTENCY_KEY, "Long Entry|2026-11-21T10:15:00Z")
        .set(SIGNALS.STATUS, "EXECUTED")
        .set(SIGNALS.RECEIVED_AT, Instant.parse("2026-11-21T10:15:00.250Z"))
        .onDuplicateKeyIgnore()
        .execute();
  }

  private static long count(String sql) {
    return ((Number) db.dsl().fetchValue(sql)).longValue();
  }

  private List<String> tables() {
    return db.dsl().fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", db.name())
        .getValues(0, String.class);
  }

  private static long migrationFiles() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "db", "migration"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
