package com.mt5bridge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Field;

/**
 * The columns a journal statement writes, in placeholder order, each paired with how its value is
 * read from the application's record: a row is bound straight from a deal or an order. (Building a
 * jOOQ record per row first cost the journal writer more than the database's own work.) The
 * pairing keeps a column and its value on one line and lets the compiler check their types.
 *
 * @param <T> what a row is made from
 */
final class Columns<T> {

  private final Field<String> accountColumn;
  private final List<Field<?>> fields = new ArrayList<>();
  private final List<Function<? super T, ?>> readers = new ArrayList<>();

  private Columns(Field<String> accountColumn) {
    this.accountColumn = accountColumn;
    if (accountColumn != null) {
      fields.add(accountColumn);
    }
  }

  /** Columns whose first is the account the row belongs to, given apart from the record. */
  static <T> Columns<T> ofAccount(Field<String> accountColumn) {
    return new Columns<>(accountColumn);
  }

  /** Columns read from the record alone. */
  static <T> Columns<T> of() {
    return new Columns<>(null);
  }

  <V> Columns<T> with(Field<V> column, Function<? super T, ? extends V> value) {
    fields.add(column);
    readers.add(value);
    return this;
  }

  Field<?>[] fields() {
    return fields.toArray(Field<?>[]::new);
  }

  /** The row's values in column order (application types: Instant, BigDecimal, String...). */
  Object[] values(String account, T row) {
    int offset = accountColumn == null ? 0 : 1;
    Object[] values = new Object[offset + readers.size()];
    if (offset == 1) {
      values[0] = account;
    }
    for (int i = 0; i < readers.size(); i++) {
      values[offset + i] = readers.get(i).apply(row);
    }
    return values;
  }
}
