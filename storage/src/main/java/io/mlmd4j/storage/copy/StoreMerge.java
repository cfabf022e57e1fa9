package io.mlmd4j.storage.copy;

import io.mlmd4j.MlmdException;
import io.mlmd4j.storage.Progress;
import io.mlmd4j.storage.copy.StoreCopy.CopiedTable;
import io.mlmd4j.storage.copy.StoreCopy.RowMap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of a source store added to a target store that may hold rows already, inside one
 * transaction on the target. Types are matched by name, version and kind, and a matched type
 * gains the properties it lacks; contexts are matched by type and name, and a matched context
 * keeps its own properties but gains the source's attributions, associations and parents.
 * Artifacts, executions, events, attributions and associations are all added, with ids after the
 * target's highest (so that into an empty target they keep their ids), every reference remapped.
 */
final class StoreMerge {

  private final Connection from;
  private final Connection target;

  private final Map<String, Long> typesByKey = new HashMap<>();
  private final Map<Long, Map<String, Object>> typeProperties = new HashMap<>();
  private final Set<String> parentTypes = new HashSet<>();
  private final Map<String, Long> contextsByKey = new HashMap<>();
  private final Set<String> parentContexts = new HashSet<>();

  private final Map<Long, Long> types = new HashMap<>();
  private final Map<Long, Long> contexts = new HashMap<>();
  private final Set<Long> matchedContexts = new HashSet<>();
  private long lastType;
  private long lastContext;
  private long artifactOffset;
  private long executionOffset;
  private long eventOffset;
  private long associationOffset;
  private long attributionOffset;

  StoreMerge(Connection from, Connection target) {
    this.from = from;
    this.target = target;
  }

  /** Adds every source row as described; returns the rows written. */
  long run(Map<String, Long> rows, Progress progress) throws SQLException {
    readTarget();
    long written = 0;
    for (CopiedTable table : StoreCopy.TABLES) {
      written += StoreCopy.copyTable(from, table, target, rows.get(table.name()), progress,
          map(table));
    }
    return written;
  }

  private void readTarget() throws SQLException {
    query("SELECT id, name, version, type_kind FROM `Type`", rs -> typesByKey.put(
        typeKey(rs.getString(2), rs.getString(3), rs.getInt(4)), rs.getLong(1)));
    query("SELECT type_id, name, data_type FROM `TypeProperty`", rs -> typeProperties
        .computeIfAbsent(rs.getLong(1), t -> new HashMap<>()).put(rs.getString(2),
            rs.getObject(3) == null ? null : rs.getLong(3)));
    query("SELECT type_id, parent_type_id FROM `ParentType`",
        rs -> parentTypes.add(rs.getLong(1) + "/" + rs.getLong(2)));
    query("SELECT id, type_id, name FROM `Context`",
        rs -> contextsByKey.put(rs.getLong(2) + "/" + rs.getString(3), rs.getLong(1)));
    query("SELECT context_id, parent_context_id FROM `ParentContext`",
        rs -> parentContexts.add(rs.getLong(1) + "/" + rs.getLong(2)));
    lastType = maxId("Type");
    lastContext = maxId("Context");
    artifactOffset = maxId("Artifact");
    executionOffset = maxId("Execution");
    eventOffset = maxId("Event");
    associationOffset = maxId("Association");
    attributionOffset = maxId("Attribution");
  }

  private RowMap map(CopiedTable table) {
    Columns c = new Columns(table);
    return switch (table.name()) {
      case "Type" -> row -> {
        long id = id(row[c.of("id")]);
        String key = typeKey((String) row[c.of("name")], (String) row[c.of("version")],
            id(row[c.of("type_kind")]));
        Long existing = typesByKey.get(key);
        if (existing != null) {
          types.put(id, existing);
          return null;
        }
        long added = ++lastType;
        typesByKey.put(key, added);
        types.put(id, added);
        row[c.of("id")] = added;
        return row;
      };
      case "TypeProperty" -> row -> {
        long type = types.get(id(row[c.of("type_id")]));
        String name = (String) row[c.of("name")];
        Object dataType = row[c.of("data_type")] == null ? null : id(row[c.of("data_type")]);
        Map<String, Object> declared = typeProperties.computeIfAbsent(type, t -> new HashMap<>());
        if (declared.containsKey(name)) {
          if (!Objects.equals(declared.get(name), dataType)) {
            throw MlmdException.failedPrecondition("Type %d declares property '%s' with data"
                + " type %s in the target and %s in the source: the stores cannot be merged",
                type, name, declared.get(name), dataType);
          }
          return null;
        }
        declared.put(name, dataType);
        row[c.of("type_id")] = type;
        return row;
      };
      case "ParentType" -> row -> pair(row, c, "type_id", "parent_type_id", types, parentTypes);
      case "Artifact", "Execution" -> row -> {
        row[c.of("id")] = id(row[c.of("id")]) + offset(table.name());
        row[c.of("type_id")] = types.get(id(row[c.of("type_id")]));
        return row;
      };
      case "ArtifactProperty" -> row -> shift(row, c.of("artifact_id"), artifactOffset);
      case "ExecutionProperty" -> row -> shift(row, c.of("execution_id"), executionOffset);
      case "Context" -> row -> {
        long id = id(row[c.of("id")]);
        long type = types.get(id(row[c.of("type_id")]));
        String key = type + "/" + row[c.of("name")];
        Long existing = contextsByKey.get(key);
        if (existing != null) {
          contexts.put(id, existing);
          matchedContexts.add(id);
          return null;
        }
        long added = ++lastContext;
        contextsByKey.put(key, added);
        contexts.put(id, added);
        row[c.of("id")] = added;
        row[c.of("type_id")] = type;
        return row;
      };
      case "ContextProperty" -> row -> {
        long context = id(row[c.of("context_id")]);
        if (matchedContexts.contains(context)) {
          return null;
        }
        row[c.of("context_id")] = contexts.get(context);
        return row;
      };
      case "ParentContext" ->
          row -> pair(row, c, "context_id", "parent_context_id", contexts, parentContexts);
      case "Event" -> row -> {
        shift(row, c.of("id"), eventOffset);
        shift(row, c.of("artifact_id"), artifactOffset);
        return shift(row, c.of("execution_id"), executionOffset);
      };
      case "EventPath" -> row -> shift(row, c.of("event_id"), eventOffset);
      case "Association" -> row -> {
        shift(row, c.of("id"), associationOffset);
        row[c.of("context_id")] = contexts.get(id(row[c.of("context_id")]));
        return shift(row, c.of("execution_id"), executionOffset);
      };
      case "Attribution" -> row -> {
        shift(row, c.of("id"), attributionOffset);
        row[c.of("context_id")] = contexts.get(id(row[c.of("context_id")]));
        return shift(row, c.of("artifact_id"), artifactOffset);
      };
      default -> throw new IllegalStateException("No merge rule for table " + table.name());
    };
  }

  private long offset(String table) {
    return table.equals("Artifact") ? artifactOffset : executionOffset;
  }

  /** A link row between two remapped ids; null when the target has the link already. */
  private static Object[] pair(Object[] row, Columns c, String child, String parent,
      Map<Long, Long> ids, Set<String> present) {
    long newChild = ids.get(id(row[c.of(child)]));
    long newParent = ids.get(id(row[c.of(parent)]));
    if (!present.add(newChild + "/" + newParent)) {
      return null;
    }
    row[c.of(child)] = newChild;
    row[c.of(parent)] = newParent;
    return row;
  }

  private static Object[] shift(Object[] row, int column, long offset) {
    row[column] = id(row[column]) + offset;
    return row;
  }

  private static long id(Object value) {
    return ((Number) value).longValue();
  }

  private static String typeKey(String name, String version, long kind) {
    return kind + "/" + name + "/" + (version == null ? "\u0000" : version);
  }

  private long maxId(String table) throws SQLException {
    try (Statement s = target.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + StoreCopy.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void query(String sql, RowReader reader) throws SQLException {
    try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Column positions of a copied table by name. */
  private record Columns(CopiedTable table) {
    int of(String column) {
      int i = table.columns().indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(table.name() + " has no column " + column);
      }
      return i;
    }
  }
}
