package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.PropertyType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes MLMD's Type, TypeProperty and ParentType rows; three queries per lookup. */
final class TypeRepository {

  private static final String SELECT = "SELECT t.id, t.name, t.version, t.description,"
      + " t.external_id, t.input_type, t.output_type, p.name AS property_name, p.data_type,"
      + " b.name AS base_name FROM Type t LEFT JOIN TypeProperty p ON p.type_id = t.id"
      + " LEFT JOIN ParentType pt ON pt.type_id = t.id LEFT JOIN Type b"
      + " ON b.id = pt.parent_type_id WHERE t.type_kind = ? AND ";

  private final Connection connection;

  TypeRepository(Connection connection) {
    this.connection = connection;
  }

  /** Every type of the kind, in id order. */
  List<StoredType> all(TypeKind kind) throws SQLException {
    return find(kind, "1 = 1", List.of());
  }

  /** The types of the kind with those ids (others skipped), in id order. */
  List<StoredType> byIds(TypeKind kind, Collection<Long> ids) throws SQLException {
    List<StoredType> types = new ArrayList<>();
    for (List<Long> chunk : Sql.chunks(ids)) {
      types.addAll(find(kind, "t.id IN (" + Sql.markers(chunk.size()) + ")", chunk));
    }
    types.sort((a, b) -> Long.compare(a.id(), b.id()));
    return types;
  }

  /** The types of the kind with those ids, by id. */
  Map<Long, StoredType> mapByIds(TypeKind kind, Collection<Long> ids) throws SQLException {
    Map<Long, StoredType> byId = new HashMap<>();
    for (StoredType t : byIds(kind, ids)) {
      byId.put(t.id(), t);
    }
    return byId;
  }

  /** The type of that name and version (null or "" = none), or null. */
  StoredType byName(TypeKind kind, String name, String version) throws SQLException {
    String v = StoredType.normalizeVersion(version);
    List<StoredType> found = v == null
        ? find(kind, "t.name = ? AND t.version IS NULL", List.of(name))
        : find(kind, "t.name = ? AND t.version = ?", List.of(name, v));
    return found.isEmpty() ? null : found.get(0);
  }

  List<StoredType> byExternalIds(TypeKind kind, Collection<String> externalIds)
      throws SQLException {
    List<StoredType> types = new ArrayList<>();
    for (List<String> chunk : Sql.chunks(externalIds)) {
      types.addAll(find(kind, "t.external_id IN (" + Sql.markers(chunk.size()) + ")", chunk));
    }
    types.sort((a, b) -> Long.compare(a.id(), b.id()));
    return types;
  }

  /**
   * The types of the kind satisfying {@code where} (over alias {@code t}), with their properties
   * and base type, in one query.
   */
  private List<StoredType> find(TypeKind kind, String where, List<?> params)
      throws SQLException {
    List<Object> all = new ArrayList<>();
    all.add(kind.code);
    all.addAll(params);
    Map<Long, StoredType> types = new LinkedHashMap<>();
    Sql.forEach(connection, SELECT + where + " ORDER BY t.id", all, rs -> {
      long id = rs.getLong("id");
      StoredType t = types.get(id);
      if (t == null) {
        t = new StoredType(id, kind, rs.getString("name"), rs.getString("version"),
            rs.getString("description"), rs.getString("external_id"), rs.getString("input_type"),
            rs.getString("output_type"), new TreeMap<>(), rs.getString("base_name"));
        types.put(id, t);
      }
      String property = rs.getString("property_name");
      if (property != null) {
        PropertyType type = PropertyType.forNumber(rs.getInt("data_type"));
        t.properties().put(property, type == null ? PropertyType.UNKNOWN : type);
      }
    });
    return new ArrayList<>(types.values());
  }

  /** Inserts the type and its properties; returns its new id. */
  long insert(StoredType type) throws SQLException {
    long id;
    try (PreparedStatement s = connection.prepareStatement("INSERT INTO Type(name, version,"
        + " type_kind, description, input_type, output_type, external_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(s, 1, java.util.Arrays.asList(type.name(), type.version(), type.kind().code,
          type.description(), type.inputType(), type.outputType(), type.externalId()));
      s.executeUpdate();
      id = generatedId(s);
    }
    insertProperties(id, type.properties());
    return id;
  }

  void insertProperties(long typeId, Map<String, PropertyType> properties) throws SQLException {
    if (properties.isEmpty()) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO TypeProperty(type_id, name, data_type) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, PropertyType> p : properties.entrySet()) {
        s.setLong(1, typeId);
        s.setString(2, Sql.exact(p.getKey()));
        s.setInt(3, p.getValue().getNumber());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  void updateExternalId(long typeId, String externalId) throws SQLException {
    Sql.update(connection, "UPDATE Type SET external_id = ? WHERE id = ?",
        java.util.Arrays.asList(externalId, typeId));
  }

  /** Links the type to the simple type named {@code baseName} (e.g. {@code mlmd.Model}). */
  void insertParent(TypeKind kind, long typeId, String baseName) throws SQLException {
    StoredType base = byName(kind, baseName, null);
    if (base == null) {
      throw MlmdException.notFound("No type found for query, name: `%s`, version: ``", baseName);
    }
    Sql.update(connection, "INSERT INTO ParentType(type_id, parent_type_id) VALUES (?, ?)",
        List.of(typeId, base.id()));
  }

  static long generatedId(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("The database returned no generated id");
      }
      return keys.getLong(1);
    }
  }
}
