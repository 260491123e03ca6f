package com.mt5bridge.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Query;

/**
 * The statements of one commit group sent to MariaDB as one compound statement ({@code BEGIN NOT
 * ATOMIC ... END}): multi-row inserts and upserts, then the updates and deletes one after another.
 * One statement, so one round trip and one answer, instead of one per table: each answer wakes the
 * writer, and on this kind of machine the wake-ups cost more than the rows when groups are small. (A
 * multi-statement query would not do: the server sends an answer per statement as it goes.)
 *
 * <p>The values are bound to {@code ?} placeholders of a client-side prepared statement, so the driver
 * escapes them; the connection must not prepare on the server, which cannot prepare a compound
 * statement. A script that grows past {@link #MAX_BYTES} is sent and started afresh, so that a group
 * of large signal bodies stays well under the server's {@code max_allowed_packet}; the caller's
 * transaction makes the parts one, and {@link #commit()} sends the last with the commit in it.
 */
final class JournalScript {

  /** Above this many bytes (estimated) the script so far is sent before the next row is added. */
  static final int MAX_BYTES = 1 << 20;

  private final Connection connection;
  private final StringBuilder sql = new StringBuilder(4096);
  private final List<Object> values = new ArrayList<>();
  private int bytes;

  JournalScript(Connection connection) {
    this.connection = connection;
  }

  /**
   * A statement's text cut where the rows go: {@code head} + rows joined by ", " + {@code tail} for a
   * multi-row insert; for an update or a delete, the whole statement once per row.
   */
  record Template(String head, String row, String tail, boolean multiRow) {

    /** {@code INSERT ... VALUES (?, ...) [ON DUPLICATE KEY UPDATE ...]}, cut around its one row. */
    static Template insert(Query query) {
      String text = query.getSQL();
      int values = text.indexOf(" values (");
      int end = text.indexOf(')', values);
      if (values < 0 || end < 0) {
        throw new IllegalArgumentException("not an insert of one row: " + text);
      }
      return new Template(text.substring(0, values + 8), text.substring(values + 8, end + 1),
          text.substring(end + 1), true);
    }

    /** An update or a delete, repeated once per row. */
    static Template perRow(Query query) {
      return new Template(query.getSQL(), "", "", false);
    }

    /**
     * An update that must find its row, repeated once per row: where one finds none, the script
     * stops there with SQLSTATE 45000 and {@code refusal} (no quotes in it), and the caller rolls
     * the transaction back.
     */
    static Template mustMatch(Query update, String refusal) {
      return new Template(update.getSQL(), "",
          ";\nIF ROW_COUNT() = 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + refusal + "'; END IF", false);
    }
  }

  /** Adds {@code rows} under {@code template}: one statement, or one per row for updates and deletes. */
  void add(Template template, Iterable<Object[]> rows) throws SQLException {
    boolean open = false;
    for (Object[] row : rows) {
      if (bytes > MAX_BYTES) {
        if (open) {
          sql.append(template.tail());
          open = false;
        }
        send();
      }
      if (open) {
        sql.append(", ").append(template.row());
      } else {
        sql.append(sql.isEmpty() ? "BEGIN NOT ATOMIC\n" : ";\n").append(template.head()).append(template.row());
        open = template.multiRow();
        if (!open) {
          sql.append(template.tail());
        }
      }
      for (Object value : row) {
        values.add(value);
        bytes += value instanceof String text ? 2 * text.length() + 2 : 24;
      }
    }
    if (open) {
      sql.append(template.tail());
    }
  }

  /** Sends what has been added, in one round trip; a failure of any statement in it is thrown. */
  private void send() throws SQLException {
    if (!sql.isEmpty()) {
      execute(sql.append(";\nEND"));
    }
  }

  /**
   * Sends what has been added and commits the transaction in the same round trip: the commit is the
   * compound statement's last. A failure before it leaves the transaction open for a rollback.
   */
  void commit() throws SQLException {
    if (sql.isEmpty()) {
      connection.commit();
    } else {
      execute(sql.append(";\nCOMMIT;\nEND"));
    }
  }

  private void execute(CharSequence text) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
      for (int i = 0; i < values.size(); i++) {
        bind(statement, i + 1, values.get(i));
      }
      statement.execute();
    } finally {
      sql.setLength(0);
      values.clear();
      bytes = 0;
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    // Typed setters: setObject makes the driver search its codecs for every value.
    switch (value) {
      case null -> statement.setNull(index, Types.NULL);
      case String text -> statement.setString(index, text);
      case Long number -> statement.setLong(index, number);
      case Integer number -> statement.setInt(index, number);
      case BigDecimal decimal -> statement.setBigDecimal(index, decimal);
      case Boolean flag -> statement.setBoolean(index, flag);
      // DATETIME columns hold UTC wall time (as UtcInstantConverter maps them for jOOQ).
      case Instant instant -> statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
      default -> throw new IllegalArgumentException("no binding for " + value.getClass());
    }
  }
}
