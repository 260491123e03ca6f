package com.mt5bridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and jOOQ context for one MariaDB database.
 *
 * <p>The pool starts even when the server is unreachable and fails fast (2 s) while it stays so: a
 * database outage is reported and waited out, never a reason for the bridge to exit.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  /** Most journal writer connections (the journal's writers hold theirs for good). */
  private static final int JOURNAL_POOL_SIZE = 64;

  private final HikariDataSource dataSource;
  private final HikariDataSource journalDataSource;
  private final DSLContext dsl;

  private Database(HikariDataSource dataSource, HikariDataSource journalDataSource) {
    this.dataSource = dataSource;
    this.journalDataSource = journalDataSource;
    this.dsl = DSL.using(dataSource, SQLDialect.MARIADB, new Settings()
        .withExecuteLogging(false)
        .withRenderSchema(false));
  }

  public static Database connect(String url, String user, String password, int poolSize) {
    HikariConfig config = config("bridge-db", url, user, password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    // jOOQ's reads and single-row writes: prepared on the server once per connection (the driver
    // keeps them), so a repeated query sends only its values.
    config.addDataSourceProperty("useServerPrepStmts", "true");
    HikariConfig journal = config("bridge-journal", url, user, password);
    journal.setMaximumPoolSize(JOURNAL_POOL_SIZE);
    journal.setMinimumIdle(0);
    // A commit group goes as one compound statement whose values the driver binds and escapes in
    // the client (JournalScript): one round trip instead of one per table.
    journal.addDataSourceProperty("useServerPrepStmts", "false");
    return new Database(new HikariDataSource(config), new HikariDataSource(journal));
  }

  private static HikariConfig config(String name, String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.setKeepaliveTime(60_000);
    // Each account has one writer, so nothing needs REPEATABLE READ's gap locks, which would make
    // the upserts and deletes of different accounts wait for each other.
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.addDataSourceProperty("connectTimeout", "2000");
    return config;
  }

  public DSLContext dsl() {
    return dsl;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Connections for the journal's writers: statements prepared in the client (see JournalScript). */
  public DataSource journalDataSource() {
    return journalDataSource;
  }

  /** Closes a journal connection found dead, so that the pool does not hand it out again. */
  public void discard(Connection connection) {
    journalDataSource.evictConnection(connection);
  }

  /** True when a connection answers within {@code timeout}. */
  public boolean ping(Duration timeout) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException e) {
      return false;
    }
  }

  /** Brings the schema up to the newest migration in {@code db/migration}. */
  public void migrate() {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    // An operator upgrading wants to see that the schema moved (and from where), once.
    if (result.migrationsExecuted > 0) {
      log.atInfo().setMessage("database schema migrated")
          .addKeyValue("from", result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion)
          .addKeyValue("to", result.targetSchemaVersion).addKeyValue("migrations", result.migrationsExecuted).log();
    }
  }

  @Override
  public void close() {
    journalDataSource.close();
    dataSource.close();
  }
}
