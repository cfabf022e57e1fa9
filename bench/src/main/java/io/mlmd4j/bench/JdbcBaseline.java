package io.mlmd4j.bench;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Value;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written JDBC that the benchmarks measure the store against: what an application
 * that knows its data would write straight into MLMD's tables, with prepared statements, JDBC
 * batches and one transaction a call, and none of MLMD's checks (types, existence, duplicates).
 * It handles the property values the workload writes: int, double and string.
 */
final class JdbcBaseline {

  /** Ids per {@code IN (...)} list when reading by id. */
  static final int IN_LIST = 1_000;

  private static final String ARTIFACT_COLUMNS = "a.id, a.type_id, t.name AS type_name, a.uri,"
      + " a.state, a.name, a.external_id, a.create_time_since_epoch,"
      + " a.last_update_time_since_epoch";
  private static final String PROPERTY_COLUMNS = "p.artifact_id, p.name, p.is_custom_property,"
      + " p.int_value, p.double_value, p.string_value";

  private JdbcBaseline() {}

  /**
   * Inserts the artifacts (none with an id) and their properties in one transaction: one batch
   * of Artifact rows, whose generated ids key one batch of ArtifactProperty rows.
   */
  static List<Long> insertArtifacts(Connection c, Dialect dialect, List<Artifact> artifacts)
      throws SQLException {
    return Transactions.run(c, dialect, true, conn -> {
      long now = System.currentTimeMillis();
      List<Long> ids;
      try (PreparedStatement s = prepareInsert(conn, dialect, "INSERT INTO Artifact(type_id,"
          + " uri, state, name, external_id, create_time_since_epoch,"
          + " last_update_time_since_epoch) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Artifact a : artifacts) {
          bindArtifact(s, a, now);
          s.addBatch();
        }
        s.executeBatch();
        ids = generatedIds(conn, dialect, s, artifacts.size());
      }
      try (PreparedStatement s = conn.prepareStatement(insertPropertySql("ArtifactProperty",
          "artifact_id"))) {
        for (int i = 0; i < artifacts.size(); i++) {
          addProperties(s, ids.get(i), artifacts.get(i).getPropertiesMap(),
              artifacts.get(i).getCustomPropertiesMap());
        }
        s.executeBatch();
      }
      return ids;
    });
  }

  /** The artifacts with those ids and their properties, by id: two queries per 1,000 ids. */
  static List<Artifact> artifactsByIds(Connection c, Dialect dialect, List<Long> ids)
      throws SQLException {
    return Transactions.run(c, dialect, false, conn -> {
      Map<Long, Artifact.Builder> builders = new LinkedHashMap<>();
      for (int from = 0; from < ids.size(); from += IN_LIST) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
        String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        // LEFT JOIN: it keeps MySQL from starting the join at Type (slower by half here).
        try (PreparedStatement s = conn.prepareStatement("SELECT " + ARTIFACT_COLUMNS
            + " FROM Artifact a LEFT JOIN Type t ON t.id = a.type_id"
            + " WHERE a.id IN (" + in + ")")) {
          bindIds(s, chunk);
          readArtifacts(s, builders);
        }
        try (PreparedStatement s = conn.prepareStatement("SELECT " + PROPERTY_COLUMNS
            + " FROM ArtifactProperty p WHERE p.artifact_id IN (" + in + ")")) {
          bindIds(s, chunk);
          readProperties(s, builders);
        }
      }
      return build(builders);
    });
  }

  /** The artifacts attributed to a context and their properties: two joins, no id lists. */
  static List<Artifact> artifactsByContext(Connection c, Dialect dialect, long contextId)
      throws SQLException {
    return Transactions.run(c, dialect, false, conn -> {
      Map<Long, Artifact.Builder> builders = new LinkedHashMap<>();
      try (PreparedStatement s = conn.prepareStatement("SELECT " + ARTIFACT_COLUMNS
          + " FROM Attribution att JOIN Artifact a ON a.id = att.artifact_id"
          + " LEFT JOIN Type t ON t.id = a.type_id WHERE att.context_id = ?")) {
        s.setLong(1, contextId);
        readArtifacts(s, builders);
      }
      try (PreparedStatement s = conn.prepareStatement("SELECT " + PROPERTY_COLUMNS
          + " FROM Attribution att JOIN ArtifactProperty p ON p.artifact_id = att.artifact_id"
          + " WHERE att.context_id = ?")) {
        s.setLong(1, contextId);
        readProperties(s, builders);
      }
      return build(builders);
    });
  }

  /** An INSERT whose generated ids can be read back after it runs. */
  static PreparedStatement prepareInsert(Connection c, Dialect dialect, String sql)
      throws SQLException {
    return dialect == Dialect.MYSQL
        ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
  }

  /**
   * The ids the last execution of {@code s} generated, {@code rows} of them, in order: MySQL's
   * driver reports them; on SQLite the writer holds the database, so a batch's ids are
   * consecutive and end at {@code last_insert_rowid()}.
   */
  static List<Long> generatedIds(Connection c, Dialect dialect, PreparedStatement s, int rows)
      throws SQLException {
    List<Long> ids = new ArrayList<>(rows);
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
      for (int i = 0; i < rows; i++) {
        ids.add(last - rows + 1 + i);
      }
    }
    if (ids.size() != rows) {
      throw new SQLException("Expected " + rows + " generated ids, got " + ids.size());
    }
    return ids;
  }

  static void bindArtifact(PreparedStatement s, Artifact a, long now) throws SQLException {
    s.setLong(1, a.getTypeId());
    setString(s, 2, a.hasUri() ? a.getUri() : null);
    if (a.hasState()) {
      s.setInt(3, a.getState().getNumber());
    } else {
      s.setNull(3, Types.INTEGER);
    }
    setString(s, 4, a.hasName() ? a.getName() : null);
    setString(s, 5, a.hasExternalId() ? a.getExternalId() : null);
    s.setLong(6, now);
    s.setLong(7, now);
  }

  /** {@code INSERT INTO table(nodeColumn, name, is_custom_property, values...)}. */
  static String insertPropertySql(String table, String nodeColumn) {
    return "INSERT INTO " + table + "(" + nodeColumn + ", name, is_custom_property, int_value,"
        + " double_value, string_value) VALUES (?, ?, ?, ?, ?, ?)";
  }

  /** Adds one batch row a property of the node. */
  static void addProperties(PreparedStatement s, long nodeId, Map<String, Value> properties,
      Map<String, Value> custom) throws SQLException {
    for (Map.Entry<String, Value> p : properties.entrySet()) {
      addProperty(s, nodeId, p.getKey(), false, p.getValue());
    }
    for (Map.Entry<String, Value> p : custom.entrySet()) {
      addProperty(s, nodeId, p.getKey(), true, p.getValue());
    }
  }

  private static void addProperty(PreparedStatement s, long nodeId, String name, boolean custom,
      Value value) throws SQLException {
    s.setLong(1, nodeId);
    s.setString(2, name);
    s.setBoolean(3, custom);
    s.setNull(4, Types.BIGINT);
    s.setNull(5, Types.DOUBLE);
    s.setNull(6, Types.VARCHAR);
    switch (value.getValueCase()) {
      case INT_VALUE -> s.setLong(4, value.getIntValue());
      case DOUBLE_VALUE -> s.setDouble(5, value.getDoubleValue());
      case STRING_VALUE -> s.setString(6, value.getStringValue());
      default -> throw new IllegalArgumentException("The baseline writes int, double and string"
          + " values only; property " + name + " holds " + value.getValueCase());
    }
    s.addBatch();
  }

  static void setString(PreparedStatement s, int index, String value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }

  private static void bindIds(PreparedStatement s, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      s.setLong(i + 1, ids.get(i));
    }
  }

  private static void readArtifacts(PreparedStatement s, Map<Long, Artifact.Builder> builders)
      throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Artifact.Builder b = Artifact.newBuilder().setId(rs.getLong(1)).setTypeId(rs.getLong(2))
            .setType(rs.getString(3));
        String uri = rs.getString(4);
        if (uri != null) {
          b.setUri(uri);
        }
        int state = rs.getInt(5);
        if (!rs.wasNull() && Artifact.State.forNumber(state) != null) {
          b.setState(Artifact.State.forNumber(state));
        }
        String name = rs.getString(6);
        if (name != null) {
          b.setName(name);
        }
        String externalId = rs.getString(7);
        if (externalId != null) {
          b.setExternalId(externalId);
        }
        b.setCreateTimeSinceEpoch(rs.getLong(8)).setLastUpdateTimeSinceEpoch(rs.getLong(9));
        builders.put(b.getId(), b);
      }
    }
  }

  private static void readProperties(PreparedStatement s, Map<Long, Artifact.Builder> builders)
      throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Artifact.Builder b = builders.get(rs.getLong(1));
        Value.Builder v = Value.newBuilder();
        long i = rs.getLong(4);
        if (!rs.wasNull()) {
          v.setIntValue(i);
        } else {
          double d = rs.getDouble(5);
          if (!rs.wasNull()) {
            v.setDoubleValue(d);
          } else {
            v.setStringValue(rs.getString(6));
          }
        }
        if (rs.getBoolean(3)) {
          b.putCustomProperties(rs.getString(2), v.build());
        } else {
          b.putProperties(rs.getString(2), v.build());
        }
      }
    }
  }

  private static List<Artifact> build(Map<Long, Artifact.Builder> builders) {
    List<Artifact> artifacts = new ArrayList<>(builders.size());
    for (Artifact.Builder b : builders.values()) {
      artifacts.add(b.build());
    }
    return artifacts;
  }
}
