package io.mlmd4j.store;

import com.google.protobuf.Message;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Value;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes node rows and their property rows in batches: a read of n ids costs two
 * queries per {@value Sql#IN_LIST_CHUNK} ids, an insert of n nodes two JDBC batches.
 */
final class NodeRepository {

  private final Connection connection;
  private final Dialect dialect;

  NodeRepository(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** The nodes with those ids, in ascending id order; unknown ids are skipped. */
  <M extends Message> List<M> byIds(NodeAdapter<M> a, Collection<Long> ids)
      throws SQLException {
    Map<Long, M> byId = mapByIds(a, ids);
    List<Long> sorted = new ArrayList<>(byId.keySet());
    sorted.sort(null);
    List<M> nodes = new ArrayList<>(sorted.size());
    for (Long id : sorted) {
      nodes.add(byId.get(id));
    }
    return nodes;
  }

  /** The nodes with those ids, in the order of {@code ids}; unknown ids are skipped. */
  <M extends Message> List<M> byIdsInOrder(NodeAdapter<M> a, List<Long> ids)
      throws SQLException {
    Map<Long, M> byId = mapByIds(a, ids);
    List<M> nodes = new ArrayList<>(ids.size());
    for (Long id : ids) {
      M node = byId.get(id);
      if (node != null) {
        nodes.add(node);
      }
    }
    return nodes;
  }

  <M extends Message> Map<Long, M> mapByIds(NodeAdapter<M> a, Collection<Long> ids)
      throws SQLException {
    Map<Long, M> result = new HashMap<>();
    for (List<Long> chunk : Sql.chunks(new LinkedHashSet<>(ids))) {
      String in = " IN (" + Sql.markers(chunk.size()) + ")";
      result.putAll(load(a, "n.id" + in, chunk, a.kind.propertyNodeColumn + in, chunk));
    }
    return result;
  }

  /**
   * The kind's nodes satisfying {@code where} (over alias {@code n}, with its parameters), in id
   * order: two queries, whatever their number.
   */
  <M extends Message> List<M> where(NodeAdapter<M> a, String where, List<?> params)
      throws SQLException {
    Map<Long, M> byId = load(a, where, params, a.kind.propertyNodeColumn + " IN (SELECT n.id FROM "
        + a.kind.table + " n WHERE " + where + ")", params);
    List<M> nodes = new ArrayList<>(byId.values());
    nodes.sort((x, y) -> Long.compare(a.id(x), a.id(y)));
    return nodes;
  }

  /** The kind's nodes whose {@code column} holds one of {@code values}, in id order. */
  <M extends Message> List<M> whereIn(NodeAdapter<M> a, String column,
      Collection<String> values) throws SQLException {
    List<M> nodes = new ArrayList<>();
    for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(values))) {
      nodes.addAll(where(a, "n." + column + " IN (" + Sql.markers(chunk.size()) + ")", chunk));
    }
    nodes.sort((x, y) -> Long.compare(a.id(x), a.id(y)));
    return nodes;
  }

  /** Reads node rows (joined with their type's name) and then their property rows. */
  private <M extends Message> Map<Long, M> load(NodeAdapter<M> a, String rowWhere,
      List<?> rowParams, String propertyWhere, List<?> propertyParams) throws SQLException {
    NodeKind k = a.kind;
    Map<Long, Message.Builder> builders = new LinkedHashMap<>();
    String columns = "n.id, n." + String.join(", n.", a.columns) + ", n."
        + String.join(", n.", NodeAdapter.TIME_COLUMNS) + ", t.name AS type_name";
    Sql.forEach(connection, "SELECT " + columns + " FROM " + k.table + " n LEFT JOIN Type t"
        + " ON t.id = n.type_id WHERE " + rowWhere, rowParams, rs -> {
          Message.Builder b = a.newBuilder();
          long id = rs.getLong("id");
          b.setField(a.field("id"), id);
          for (String column : a.columns) {
            a.setFromColumn(b, column, rs.getObject(column));
          }
          for (String column : NodeAdapter.TIME_COLUMNS) {
            a.setFromColumn(b, column, rs.getLong(column));
          }
          a.setFromColumn(b, "type", rs.getString("type_name"));
          builders.put(id, b);
        });
    Map<Long, M> result = new LinkedHashMap<>();
    if (builders.isEmpty()) {
      return result;
    }
    Map<Long, Map<String, Value>> properties = new HashMap<>();
    Map<Long, Map<String, Value>> custom = new HashMap<>();
    Sql.forEach(connection, "SELECT " + k.propertyNodeColumn + " AS node_id, name,"
        + " is_custom_property, " + PropertyValues.VALUE_COLUMNS + " FROM " + k.propertyTable
        + " WHERE " + propertyWhere, propertyParams, rs -> {
          boolean isCustom = rs.getBoolean("is_custom_property");
          long id = rs.getLong("node_id");
          String name = rs.getString("name");
          Value value;
          try {
            value = PropertyValues.read(rs);
          } catch (PropertyValues.UnreadableValue e) {
            throw MlmdException.internal(String.format("Cannot read %s %d: the stored value of"
                + " its %sproperty '%s' is unreadable: %s", k.label(), id,
                isCustom ? "custom " : "", name, e.getMessage()), e);
          }
          (isCustom ? custom : properties).computeIfAbsent(id, x -> new TreeMap<>())
              .put(name, value);
        });
    for (Map.Entry<Long, Message.Builder> e : builders.entrySet()) {
      Message.Builder b = e.getValue();
      a.putProperties(b, properties.getOrDefault(e.getKey(), Map.of()), false);
      a.putProperties(b, custom.getOrDefault(e.getKey(), Map.of()), true);
      result.put(e.getKey(), a.cast(b.build()));
    }
    return result;
  }

  /** The ids of the kind's nodes with those external ids, by external id. */
  Map<String, Long> idsByExternalId(NodeKind kind, Collection<String> externalIds)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    Sql.forEachIn(connection, "SELECT id, external_id FROM " + kind.table
        + " WHERE external_id IN (%s)", List.of(), externalIds,
        rs -> ids.put(rs.getString(2), rs.getLong(1)));
    return ids;
  }

  /** The ids of the contexts with those names, by {@link #typeAndName} key. */
  Map<String, Long> contextIdsByTypeAndName(Collection<String> names) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    Sql.forEachIn(connection, "SELECT id, type_id, name FROM Context WHERE name IN (%s)",
        List.of(), names, rs -> ids.put(typeAndName(rs.getLong(2), rs.getString(3)),
            rs.getLong(1)));
    return ids;
  }

  static String typeAndName(long typeId, String name) {
    return typeId + "/" + name;
  }

  /**
   * Inserts the nodes with create and last-update time {@code now}; returns their ids in order.
   * Their properties are inserted too.
   */
  <M extends Message> List<Long> insert(NodeAdapter<M> a, List<M> nodes, long now)
      throws SQLException {
    List<String> columns = new ArrayList<>(a.columns);
    columns.addAll(NodeAdapter.TIME_COLUMNS);
    String sql = "INSERT INTO " + a.kind.table + "(" + String.join(", ", columns) + ") VALUES ("
        + Sql.markers(columns.size()) + ")";
    List<List<Object>> rows = new ArrayList<>(nodes.size());
    for (M node : nodes) {
      List<Object> values = new ArrayList<>();
      for (String column : a.columns) {
        values.add(a.columnValue(node, column));
      }
      values.add(now);
      values.add(now);
      rows.add(values);
    }
    List<Long> ids = Sql.insertReturningIds(connection, dialect, sql, rows);
    List<PropertyRow> properties = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (Map.Entry<String, Value> p : a.properties(nodes.get(i)).entrySet()) {
        properties.add(new PropertyRow(ids.get(i), p.getKey(), false, p.getValue()));
      }
      for (Map.Entry<String, Value> p : a.customProperties(nodes.get(i)).entrySet()) {
        properties.add(new PropertyRow(ids.get(i), p.getKey(), true, p.getValue()));
      }
    }
    insertProperties(a.kind, properties);
    return ids;
  }

  /** A property row to write: node, name, custom or declared, value. */
  record PropertyRow(long nodeId, String name, boolean custom, Value value) {}

  void insertProperties(NodeKind kind, List<PropertyRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + kind.propertyTable
        + "(" + kind.propertyNodeColumn + ", name, is_custom_property, "
        + PropertyValues.VALUE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (PropertyRow row : rows) {
        s.setLong(1, row.nodeId());
        s.setString(2, Sql.exact(row.name()));
        s.setBoolean(3, row.custom());
        PropertyValues.bind(s, 4, row.value());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  void deleteProperties(NodeKind kind, List<PropertyRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + kind.propertyTable
        + " WHERE " + kind.propertyNodeColumn + " = ? AND name = ? AND is_custom_property = ?")) {
      for (PropertyRow row : rows) {
        s.setLong(1, row.nodeId());
        s.setString(2, Sql.exact(row.name()));
        s.setBoolean(3, row.custom());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Rewrites the mutable columns of each node from its message, and its last-update time.
   * {@code columns} are the ones an update may change ({@link NodeOperations} decides).
   */
  <M extends Message> void updateRows(NodeAdapter<M> a, List<String> columns, List<M> nodes,
      List<Long> updateTimes) throws SQLException {
    if (nodes.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("UPDATE ").append(a.kind.table).append(" SET ");
    for (String column : columns) {
      sql.append(column).append(" = ?, ");
    }
    sql.append("last_update_time_since_epoch = ? WHERE id = ?");
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < nodes.size(); i++) {
        M node = nodes.get(i);
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
          values.add(a.columnValue(node, column));
        }
        values.add(updateTimes.get(i));
        values.add(a.id(node));
        Sql.bind(s, 1, values);
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
