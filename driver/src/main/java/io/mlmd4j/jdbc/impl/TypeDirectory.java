package io.mlmd4j.jdbc.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.calcite.schema.SchemaVersion;

/**
 * The store's types, read from MLMD's {@code Type} and {@code TypeProperty} tables and read
 * again when they change: types are never deleted and their properties only added, so the
 * highest type id and the number of declared properties tell whether anything changed. That
 * check is one small query per SQL statement prepared. Shared by the store's connections.
 */
final class TypeDirectory {

  private final DataSource dataSource;
  private List<NodeType> types = List.of();
  private List<Long> fingerprint;
  private SchemaVersion version;

  TypeDirectory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The types as of the statement being prepared at {@code version}. */
  synchronized List<NodeType> at(SchemaVersion version) {
    if (!version.equals(this.version)) {
      refresh();
      this.version = version;
    }
    return types;
  }

  /** The types as of now. */
  synchronized List<NodeType> current() {
    refresh();
    return types;
  }

  /**
   * What tells the types as of now apart from those of any other moment: the highest type id and
   * the number of declared properties (types are only added, properties only declared).
   */
  synchronized List<Long> fingerprint() {
    refresh();
    return fingerprint;
  }

  /** The types as last read (by {@link #fingerprint}, say), without asking the database again. */
  synchronized List<NodeType> lastRead() {
    return types;
  }

  private void refresh() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      List<Long> now;
      try (ResultSet rs = s.executeQuery("SELECT (SELECT MAX(id) FROM Type),"
          + " (SELECT COUNT(*) FROM TypeProperty)")) {
        rs.next();
        now = List.of(rs.getLong(1), rs.getLong(2));
      }
      if (!Objects.equals(now, fingerprint)) {
        types = load(s);
        fingerprint = now;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the store's types: " + e.getMessage(), e);
    }
  }

  private static List<NodeType> load(Statement s) throws SQLException {
    Map<Long, Map<String, Integer>> properties = new HashMap<>();
    try (ResultSet rs = s.executeQuery("SELECT type_id, name, data_type FROM TypeProperty")) {
      while (rs.next()) {
        properties.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
            .put(rs.getString(2), rs.getInt(3));
      }
    }
    List<NodeType> list = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(
        "SELECT id, type_kind, name, version FROM Type ORDER BY id")) {
      while (rs.next()) {
        NodeKind kind = kind(rs.getInt(2));
        String name = rs.getString(3);
        String version = rs.getString(4);
        if (kind == null
            || version == null && MlmdSchema.SIMPLE_TYPE_NAMES.contains(name)) {
          continue;
        }
        list.add(new NodeType(rs.getLong(1), kind, name, version,
            new TreeMap<>(properties.getOrDefault(rs.getLong(1), Map.of()))));
      }
    }
    return List.copyOf(list);
  }

  private static NodeKind kind(int typeKind) {
    for (NodeKind k : NodeKind.values()) {
      if (k.typeKind == typeKind) {
        return k;
      }
    }
    return null;
  }
}
