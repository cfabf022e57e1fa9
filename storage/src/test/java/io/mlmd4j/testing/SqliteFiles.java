package io.mlmd4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * Plain sqlite-jdbc access to SQLite databases beside the store under test: their structure as
 * SQLite's catalog reports it, and their rows, both in a form two databases compare by.
 */
public final class SqliteFiles {

  private SqliteFiles() {}

  /** A plain connection to the file, read-only or read-write (the file must exist). */
  public static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** The SHA-256 of the file's bytes, to show that a file was left untouched. */
  public static String digest(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The structure of the database, one sorted line per table, column, index, foreign key, view
   * and trigger, from {@code PRAGMA table_list}, {@code table_info}, {@code index_list},
   * {@code index_xinfo}, {@code foreign_key_list} and the SQL of each index:
   *
   * <pre>
   * table Artifact type=table ncol=8 without_rowid=0 strict=0 autoincrement=true
   * column Artifact.03 name type=TEXT notnull=0 default=null pk=0
   * index Artifact.sqlite_autoindex_Artifact_2 unique=1 origin=u partial=0 (type_id, name)
   * index Artifact.idx_artifact_uri unique=0 origin=c partial=0 (uri) sql=create index ...
   * </pre>
   *
   * <p>Column lines carry the position, so column order counts. An index's SQL is compared as
   * SQLite keeps it, with quoting, letter case and spacing made uniform: a partial index's
   * {@code WHERE} clause counts, the text's layout does not.
   */
  public static List<String> structure(Connection c) throws SQLException {
    List<String> lines = new ArrayList<>();
    Map<String, String> tableSql = new TreeMap<>();
    Map<String, String> indexSql = new TreeMap<>();
    query(c, "SELECT type, name, sql FROM sqlite_master", rs -> {
      switch (rs.getString(1)) {
        case "table" -> tableSql.put(rs.getString(2), rs.getString(3));
        case "index" -> indexSql.put(rs.getString(2), rs.getString(3));
        default -> lines.add(rs.getString(1) + " " + rs.getString(2) + " "
            + normalize(rs.getString(3)));
      }
    });
    query(c, "SELECT name, type, ncol, wr, strict FROM pragma_table_list"
        + " WHERE schema = 'main' AND name NOT LIKE 'sqlite_schema'", rs -> {
          String table = rs.getString(1);
          String sql = tableSql.get(table);
          lines.add("table " + table + " type=" + rs.getString(2) + " ncol=" + rs.getInt(3)
              + " without_rowid=" + rs.getInt(4) + " strict=" + rs.getInt(5)
              + " autoincrement=" + (sql != null && normalize(sql).contains("autoincrement")));
        });
    for (String table : tableSql.keySet()) {
      query(c, "SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
          table, rs -> lines.add(String.format(Locale.ROOT,
              "column %s.%02d %s type=%s notnull=%d default=%s pk=%d", table, rs.getInt(1),
              rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6))));
      query(c, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", table,
          rs -> {
            String index = rs.getString(1);
            String sql = indexSql.get(index);
            lines.add("index " + table + "." + index + " unique=" + rs.getInt(2) + " origin="
                + rs.getString(3) + " partial=" + rs.getInt(4) + " (" + indexColumns(c, index)
                + ")" + (sql == null ? "" : " sql=" + normalize(sql)));
          });
      query(c, "SELECT id, seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)",
          table, rs -> lines.add("foreign_key " + table + "." + rs.getInt(1) + "." + rs.getInt(2)
              + " " + rs.getString(4) + " -> " + rs.getString(3) + "." + rs.getString(5)));
    }
    lines.sort(null);
    return lines;
  }

  /** The key columns of an index, with their order and collation. */
  private static String indexColumns(Connection c, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    query(c, "SELECT name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1"
        + " ORDER BY seqno", index, rs -> columns.add(rs.getString(1)
            + (rs.getInt(2) == 1 ? " DESC" : "") + " COLLATE " + rs.getString(3)));
    return String.join(", ", columns);
  }

  /** SQL text with identifier quotes dropped, lower case, and spacing made uniform. */
  static String normalize(String sql) {
    return sql.replaceAll("[`\"\\[\\]]", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replaceAll(" ?([(),]) ?", "$1")
        .strip();
  }

  /** The columns of a table, in order. */
  public static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    query(c, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table,
        rs -> columns.add(rs.getString(1)));
    return columns;
  }

  /** The tables, without SQLite's own, sorted. */
  public static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    query(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite_%' ORDER BY name", rs -> tables.add(rs.getString(1)));
    return tables;
  }

  /** Every table (without SQLite's own) with its columns, in table order. */
  public static Map<String, List<String>> columnsOfTables(Connection c) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String table : tables(c)) {
      columns.put(table, columns(c, table));
    }
    return columns;
  }

  /** The rows of every table of {@code columnsOfTables}, of those columns only. */
  public static Map<String, List<String>> rows(Connection c,
      Map<String, List<String>> columnsOfTables) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Map.Entry<String, List<String>> table : columnsOfTables.entrySet()) {
      rows.put(table.getKey(), rows(c, table.getKey(), table.getValue()));
    }
    return rows;
  }

  /**
   * The rows of a table, of the given columns, in storage (rowid) order, which is also the
   * order MLMD reads an event's path steps in. Each value is written with its SQLite storage
   * class, so an integer 1 and a text '1' differ, and reals keep every digit.
   */
  public static List<String> rows(Connection c, String table, List<String> columns)
      throws SQLException {
    return rows(c, table, columns, columns);
  }

  /** {@link #rows(Connection, String, List)}, each column labelled as {@code labels} says. */
  public static List<String> rows(Connection c, String table, List<String> columns,
      List<String> labels) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i)).append('"');
    }
    sql.append(" FROM \"").append(table).append("\" ORDER BY rowid");
    List<String> rows = new ArrayList<>();
    query(c, sql.toString(), rs -> {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        row.append(i == 0 ? "" : "|").append(labels.get(i)).append('=')
            .append(typed(rs.getObject(i + 1)));
      }
      rows.add(row.toString());
    });
    return rows;
  }

  private static String typed(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Integer || value instanceof Long) {
      return "int:" + value;
    }
    if (value instanceof Double d) {
      return "real:" + Double.toString(d);
    }
    if (value instanceof byte[] bytes) {
      return "blob:" + HexFormat.of().formatHex(bytes);
    }
    return "text:" + value;
  }

  /** The AUTOINCREMENT counters, table to last id handed out. */
  public static Map<String, Long> sequences(Connection c) throws SQLException {
    Map<String, Long> sequences = new TreeMap<>();
    query(c, "SELECT name, seq FROM sqlite_sequence", rs -> sequences.put(rs.getString(1),
        rs.getLong(2)));
    return sequences;
  }

  /** The number of rows of each table (without SQLite's own). */
  public static Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables(c)) {
      counts.put(table, longValue(c, "SELECT COUNT(*) FROM \"" + table + "\""));
    }
    return counts;
  }

  public static long longValue(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs statements on a read-write connection to the file, in one transaction. */
  public static void execute(Path file, String... statements) throws SQLException {
    try (Connection c = connect(file, false); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String sql : statements) {
        s.execute(sql);
      }
      c.commit();
    }
  }

  /** Reads one row at a time. */
  public interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  public static void query(Connection c, String sql, RowReader reader) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  private static void query(Connection c, String sql, String parameter, RowReader reader)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }
}
