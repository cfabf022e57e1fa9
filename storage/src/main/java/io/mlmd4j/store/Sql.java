package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.store.spi.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import io.mlmd4j.storage.Dialect;

/** Small JDBC helpers shared by the repositories. */
final class Sql {

  /**
   * Ids per {@code IN (...)} list: well inside SQLite's and MySQL's bound-parameter limits, and
   * large enough that 10,000 ids take a handful of queries.
   */
  static final int IN_LIST_CHUNK = 1000;

  private Sql() {}

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Takes in one row of a result set. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  /** {@code ?, ?, ?} with {@code n} markers. */
  static String markers(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The values in slices of at most {@link #IN_LIST_CHUNK}. */
  static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIST_CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST_CHUNK)));
    }
    return chunks;
  }

  /**
   * Binds each value at positions {@code first, first + 1, ...}; null becomes SQL NULL. Strings
   * are checked with {@link #exact}.
   */
  static void bind(PreparedStatement s, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        s.setNull(first + i, Types.NULL);
      } else {
        s.setObject(first + i, v instanceof String text ? exact(text) : v);
      }
    }
  }

  /**
   * The string itself, if UTF-8 can hold it: a lone UTF-16 surrogate would reach the database as
   * {@code ?}, so it is refused with INVALID_ARGUMENT rather than stored or matched as another
   * string.
   */
  static String exact(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw MlmdException.invalidArgument("The string \"%s\" holds a lone UTF-16 surrogate"
            + " (\\u%04X at index %d), which UTF-8 cannot store", excerpt(s, i), (int) c, i);
      }
    }
    return s;
  }

  /** Up to 40 characters of {@code s} around {@code at}, the surrogates escaped. */
  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - 20);
    int to = Math.min(s.length(), at + 20);
    StringBuilder b = new StringBuilder(from > 0 ? "..." : "");
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      b.append(Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return b.append(to < s.length() ? "..." : "").toString();
  }

  /** Runs a query with parameters and reads every row. */
  static <T> List<T> query(Connection c, String sql, List<?> params, RowReader<T> reader)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    forEach(c, sql, params, rs -> rows.add(reader.read(rs)));
    return rows;
  }

  /** Runs a query with parameters and hands every row to {@code consumer}. */
  static void forEach(Connection c, String sql, List<?> params, RowConsumer consumer)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, 1, params);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    }
  }

  /**
   * Runs a planned statement (a lineage walk's, say) and hands every row to {@code consumer}.
   * Through {@code execute}, not {@code executeQuery}: on MariaDB a walk starts with
   * {@code SET STATEMENT}, which MySQL's driver refuses there.
   */
  static void forEach(Connection c, SqlStatement statement, RowConsumer consumer)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(statement.sql())) {
      bind(s, 1, statement.parameters());
      if (!s.execute()) {
        throw new SQLException("The statement returned no rows: " + statement.sql());
      }
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    }
  }

  /**
   * Runs {@code sqlWithIn} once per chunk of {@code ids}, where {@code %s} in the SQL stands for
   * the chunk's markers; {@code before} are bound ahead of the ids.
   */
  static <T> List<T> queryIn(Connection c, String sqlWithIn, List<?> before,
      Collection<? extends Object> ids, RowReader<T> reader) throws SQLException {
    List<T> rows = new ArrayList<>();
    forEachIn(c, sqlWithIn, before, ids, rs -> rows.add(reader.read(rs)));
    return rows;
  }

  /** As {@link #queryIn}, handing every row to {@code consumer}. */
  static void forEachIn(Connection c, String sqlWithIn, List<?> before,
      Collection<? extends Object> ids, RowConsumer consumer) throws SQLException {
    for (List<? extends Object> chunk : chunks(ids)) {
      List<Object> params = new ArrayList<>(before);
      params.addAll(chunk);
      forEach(c, String.format(sqlWithIn, markers(chunk.size())), params, consumer);
    }
  }

  /** Executes an update with parameters; returns the affected row count. */
  static int update(Connection c, String sql, List<?> params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, 1, params);
      return s.executeUpdate();
    }
  }

  /**
   * Inserts the rows in one JDBC batch and returns their generated ids in order. On MySQL the
   * driver reports them (rewritten into one multi-row INSERT, whose AUTO_INCREMENT ids are
   * consecutive); on SQLite one writer holds the database (BEGIN IMMEDIATE), so the batch's
   * ids are consecutive and end at {@code last_insert_rowid()}.
   */
  static List<Long> insertReturningIds(Connection c, Dialect dialect, String sql,
      List<List<Object>> rows) throws SQLException {
    List<Long> ids = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return ids;
    }
    try (PreparedStatement s = dialect == Dialect.MYSQL
        ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
      for (List<Object> row : rows) {
        bind(s, 1, row);
        s.addBatch();
      }
      s.executeBatch();
      if (dialect == Dialect.MYSQL) {
        try (ResultSet keys = s.getGeneratedKeys()) {
          while (keys.next()) {
            ids.add(keys.getLong(1));
          }
        }
      } else {
        long last;
        try (Statement q = c.createStatement();
            ResultSet rs = q.executeQuery("SELECT last_insert_rowid()")) {
          rs.next();
          last = rs.getLong(1);
        }
        for (int i = 0; i < rows.size(); i++) {
          ids.add(last - rows.size() + 1 + i);
        }
      }
    }
    if (ids.size() != rows.size()) {
      throw new SQLException("Expected " + rows.size() + " generated ids, got " + ids.size());
    }
    return ids;
  }

  /** A nullable long column. */
  static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** A nullable int column. */
  static Integer getInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
