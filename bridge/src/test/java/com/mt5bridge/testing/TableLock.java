package com.mt5bridge.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

/**
 * {@code LOCK TABLES ... READ} held on a connection of its own until closed: other sessions may read
 * the table but their writes wait, as behind a backup's lock or a long {@code ALTER TABLE}.
 */
public final class TableLock implements AutoCloseable {

  private final ConnectionProvider connections;
  private final Connection connection;
  private boolean released;

  private TableLock(DSLContext db, String table) throws SQLException {
    this.connections = db.configuration().connectionProvider();
    this.connection = connections.acquire();
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLES " + table + " READ");
    }
  }

  /** Holds back every write to {@code table} of the database behind {@code db}. */
  public static TableLock read(DSLContext db, String table) throws SQLException {
    return new TableLock(db, table);
  }

  /** Releases the lock; again, it does nothing. */
  @Override
  public void close() throws SQLException {
    if (released) {
      return;
    }
    released = true;
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLOCK TABLES");
    } finally {
      connections.release(connection);
    }
  }
}
