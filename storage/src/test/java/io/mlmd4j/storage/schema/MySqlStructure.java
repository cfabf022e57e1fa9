package io.mlmd4j.storage.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of one MySQL database as {@code information_schema} reports it, one line per
 * table, column, index and constraint, sorted, so that two structures compare line by line.
 *
 * <p>Lines look like:
 *
 * <pre>
 * table Artifact InnoDB
 * column Artifact.create_time_since_epoch bigint NOT NULL DEFAULT 0
 * column Artifact.id int NOT NULL PRI auto_increment
 * index Artifact.UniqueArtifactTypeName UNIQUE (type_id, name)
 * index Artifact.idx_artifact_uri (uri(255))
 * constraint Artifact.UniqueArtifactTypeName UNIQUE
 * </pre>
 *
 * <p>MySQL 8 and MariaDB report a few things differently; these are written the same way here:
 * integer display widths (MariaDB's {@code int(11)}, MySQL 8's {@code int}) are dropped, except
 * {@code tinyint(1)}, which both keep; a column without default is written without one (MariaDB
 * reports the text {@code NULL}, MySQL a SQL NULL).
 */
final class MySqlStructure {

  private MySqlStructure() {}

  /** The structure of the connection's current database. */
  static List<String> of(Connection c) throws SQLException {
    List<String> lines = new ArrayList<>();
    query(c, "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES"
        + " WHERE TABLE_SCHEMA = DATABASE()", rs -> lines.add(
            "table " + rs.getString(1) + " " + rs.getString(2)));
    query(c, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
        + " COLUMN_KEY, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
        rs -> lines.add(column(rs)));
    Map<String, String> indexes = new LinkedHashMap<>();
    query(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART"
        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
        + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", rs -> {
          String key = "index " + rs.getString(1) + "." + rs.getString(2)
              + (rs.getInt(3) == 0 ? " UNIQUE" : "");
          String part = rs.getString(5) == null ? "" : "(" + rs.getString(5) + ")";
          indexes.merge(key, rs.getString(4) + part, (a, b) -> a + ", " + b);
        });
    indexes.forEach((key, columns) -> lines.add(key + " (" + columns + ")"));
    query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
        + " FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE()",
        rs -> lines.add("constraint " + rs.getString(1) + "." + rs.getString(2) + " "
            + rs.getString(3)));
    lines.sort(null);
    return lines;
  }

  /**
   * An expected structure written per table: a line {@code Table ENGINE}, then its columns,
   * indexes and constraints on indented lines ({@code column name type ...}). Blank lines and
   * lines starting with {@code #} are skipped.
   */
  static List<String> parse(String text) {
    List<String> lines = new ArrayList<>();
    String table = null;
    for (String line : text.split("\n")) {
      String trimmed = line.strip().replaceAll("\\s+", " ");
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        table = trimmed.substring(0, trimmed.indexOf(' '));
        lines.add("table " + trimmed);
        continue;
      }
      if (table == null) {
        throw new IllegalArgumentException("Indented line before any table: " + line);
      }
      String[] parts = trimmed.split(" ", 3);
      lines.add(parts[0] + " " + table + "." + parts[1] + (parts.length > 2 ? " " + parts[2] : ""));
    }
    lines.sort(null);
    return lines;
  }

  private static String column(ResultSet rs) throws SQLException {
    StringBuilder line = new StringBuilder("column ")
        .append(rs.getString(1)).append('.').append(rs.getString(2)).append(' ')
        .append(rs.getString(3).replaceAll("^(int|bigint)\\(\\d+\\)", "$1"));
    if ("NO".equals(rs.getString(4))) {
      line.append(" NOT NULL");
    }
    String def = rs.getString(5);
    if (def != null && !def.equals("NULL")) {
      line.append(" DEFAULT ").append(def);
    }
    if (!rs.getString(6).isEmpty()) {
      line.append(' ').append(rs.getString(6));
    }
    if (!rs.getString(7).isEmpty()) {
      line.append(' ').append(rs.getString(7));
    }
    return line.toString();
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, RowReader reader) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }
}
