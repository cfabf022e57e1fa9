package io.mlmd4j;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactStructType;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * What an MLMD SQLite file holds, read with plain SQL and turned into MLMD's protos by the
 * storage rules of MLMD (design spec §3.3): the expectation {@link RealDataTest} holds the
 * MetadataStore API to. It shares no code with mlmd4j's own reading path; struct and proto
 * values are decoded here from their stored text.
 *
 * <p>Files of an older schema (7, 8) lack some columns ({@code external_id}, {@code proto_value},
 * {@code bool_value}); they read as NULL, which is what the upgrade migration puts there.
 */
final class FixtureContents {

  /** Prefix MLMD puts before the base64 of a serialized Struct kept in {@code string_value}. */
  static final String STRUCT_PREFIX = "mlmd-struct::";

  /** MLMD's built-in artifact types, by the name each base_type enum value refers to. */
  static final Map<String, ArtifactType.SystemDefinedBaseType> ARTIFACT_BASE_TYPES = Map.of(
      "mlmd.Dataset", ArtifactType.SystemDefinedBaseType.DATASET,
      "mlmd.Model", ArtifactType.SystemDefinedBaseType.MODEL,
      "mlmd.Metrics", ArtifactType.SystemDefinedBaseType.METRICS,
      "mlmd.Statistics", ArtifactType.SystemDefinedBaseType.STATISTICS);

  /** MLMD's built-in execution types, by the name each base_type enum value refers to. */
  static final Map<String, ExecutionType.SystemDefinedBaseType> EXECUTION_BASE_TYPES = Map.of(
      "mlmd.Train", ExecutionType.SystemDefinedBaseType.TRAIN,
      "mlmd.Transform", ExecutionType.SystemDefinedBaseType.TRANSFORM,
      "mlmd.Process", ExecutionType.SystemDefinedBaseType.PROCESS,
      "mlmd.Evaluate", ExecutionType.SystemDefinedBaseType.EVALUATE,
      "mlmd.Deploy", ExecutionType.SystemDefinedBaseType.DEPLOY);

  private static final int EXECUTION_KIND = 0;
  private static final int ARTIFACT_KIND = 1;
  private static final int CONTEXT_KIND = 2;

  /** A row of Attribution (node = artifact), Association (node = execution) or ParentContext. */
  record Link(long contextId, long nodeId) {}

  /** Every type of each kind, simple types included, by id. */
  final NavigableMap<Long, ArtifactType> artifactTypes = new TreeMap<>();
  final NavigableMap<Long, ExecutionType> executionTypes = new TreeMap<>();
  final NavigableMap<Long, ContextType> contextTypes = new TreeMap<>();
  final NavigableMap<Long, Artifact> artifacts = new TreeMap<>();
  final NavigableMap<Long, Execution> executions = new TreeMap<>();
  final NavigableMap<Long, Context> contexts = new TreeMap<>();
  /** Every event with its path, in Event id (insertion) order. */
  final List<Event> events = new ArrayList<>();
  final List<Link> attributions = new ArrayList<>();
  final List<Link> associations = new ArrayList<>();
  /** ParentContext rows: contextId is the child, nodeId the parent. */
  final List<Link> parentContexts = new ArrayList<>();

  private FixtureContents() {}

  /** Reads the file without writing to it (the connection is read-only). */
  static FixtureContents read(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file,
        config.toProperties())) {
      FixtureContents contents = new FixtureContents();
      contents.readTypes(c);
      contents.readArtifacts(c);
      contents.readExecutions(c);
      contents.readContexts(c);
      contents.readEvents(c);
      readLinks(c, "SELECT context_id, artifact_id FROM Attribution ORDER BY id",
          contents.attributions);
      readLinks(c, "SELECT context_id, execution_id FROM Association ORDER BY id",
          contents.associations);
      readLinks(c, "SELECT context_id, parent_context_id FROM ParentContext",
          contents.parentContexts);
      return contents;
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new IllegalStateException("Cannot read fixture " + file + ": " + e, e);
    }
  }

  /** The names of MLMD's 9 built-in simple types, which the Get*Types lists leave out. */
  static boolean isSimpleType(String name) {
    return ARTIFACT_BASE_TYPES.containsKey(name) || EXECUTION_BASE_TYPES.containsKey(name);
  }

  private void readTypes(Connection c) throws SQLException, InvalidProtocolBufferException {
    Map<Long, Map<String, PropertyType>> properties = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT type_id, name, data_type FROM TypeProperty")) {
      while (rs.next()) {
        properties.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
            .put(rs.getString(2), PropertyType.forNumber(rs.getInt(3)));
      }
    }
    Map<Long, String> names = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM Type")) {
      while (rs.next()) {
        names.put(rs.getLong(1), rs.getString(2));
      }
    }
    Map<Long, String> parentNames = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT type_id, parent_type_id FROM ParentType")) {
      while (rs.next()) {
        parentNames.put(rs.getLong(1), names.get(rs.getLong(2)));
      }
    }
    String sql = "SELECT id, name, version, type_kind, description, input_type, output_type, "
        + column(c, "Type", "", "external_id") + " FROM Type ORDER BY id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Map<String, PropertyType> props = properties.getOrDefault(id, Map.of());
        String parent = parentNames.get(id);
        switch (rs.getInt("type_kind")) {
          case ARTIFACT_KIND -> {
            ArtifactType.Builder t = ArtifactType.newBuilder().setId(id)
                .setName(rs.getString("name")).putAllProperties(props);
            ifPresent(rs.getString("version"), t::setVersion);
            ifPresent(rs.getString("description"), t::setDescription);
            ifPresent(rs.getString("external_id"), t::setExternalId);
            if (parent != null) {
              t.setBaseType(baseType(ARTIFACT_BASE_TYPES, parent, id));
            }
            artifactTypes.put(id, t.build());
          }
          case EXECUTION_KIND -> {
            ExecutionType.Builder t = ExecutionType.newBuilder().setId(id)
                .setName(rs.getString("name")).putAllProperties(props);
            ifPresent(rs.getString("version"), t::setVersion);
            ifPresent(rs.getString("description"), t::setDescription);
            ifPresent(rs.getString("external_id"), t::setExternalId);
            if (rs.getString("input_type") != null) {
              t.setInputType(structType(rs.getString("input_type")));
            }
            if (rs.getString("output_type") != null) {
              t.setOutputType(structType(rs.getString("output_type")));
            }
            if (parent != null) {
              t.setBaseType(baseType(EXECUTION_BASE_TYPES, parent, id));
            }
            executionTypes.put(id, t.build());
          }
          case CONTEXT_KIND -> {
            ContextType.Builder t = ContextType.newBuilder().setId(id)
                .setName(rs.getString("name")).putAllProperties(props);
            ifPresent(rs.getString("version"), t::setVersion);
            ifPresent(rs.getString("description"), t::setDescription);
            ifPresent(rs.getString("external_id"), t::setExternalId);
            contextTypes.put(id, t.build());
          }
          default -> throw new IllegalStateException(
              "Type " + id + " has type_kind " + rs.getInt("type_kind"));
        }
      }
    }
  }

  private static <E> E baseType(Map<String, E> bases, String parentName, long typeId) {
    E base = bases.get(parentName);
    if (base == null) {
      throw new IllegalStateException(
          "Type " + typeId + " has parent type " + parentName + ", which is no base type");
    }
    return base;
  }

  private static ArtifactStructType structType(String json) throws InvalidProtocolBufferException {
    ArtifactStructType.Builder b = ArtifactStructType.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }

  private void readArtifacts(Connection c) throws SQLException, InvalidProtocolBufferException {
    Map<Long, PropertyMaps> properties = readProperties(c, "ArtifactProperty", "artifact_id");
    String sql = "SELECT n.id, n.type_id, t.name AS type_name, n.uri, n.state, n.name, "
        + column(c, "Artifact", "n", "external_id")
        + ", n.create_time_since_epoch, n.last_update_time_since_epoch"
        + " FROM Artifact n LEFT JOIN Type t ON t.id = n.type_id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Artifact.Builder a = Artifact.newBuilder().setId(id).setTypeId(rs.getLong("type_id"))
            .setCreateTimeSinceEpoch(rs.getLong("create_time_since_epoch"))
            .setLastUpdateTimeSinceEpoch(rs.getLong("last_update_time_since_epoch"));
        ifPresent(rs.getString("type_name"), a::setType);
        ifPresent(rs.getString("uri"), a::setUri);
        ifPresent(integer(rs, "state"), v -> a.setState(Artifact.State.forNumber(v.intValue())));
        ifPresent(rs.getString("name"), a::setName);
        ifPresent(rs.getString("external_id"), a::setExternalId);
        PropertyMaps p = properties.getOrDefault(id, PropertyMaps.EMPTY);
        a.putAllProperties(p.declared).putAllCustomProperties(p.custom);
        artifacts.put(id, a.build());
      }
    }
  }

  private void readExecutions(Connection c) throws SQLException, InvalidProtocolBufferException {
    Map<Long, PropertyMaps> properties = readProperties(c, "ExecutionProperty", "execution_id");
    String sql = "SELECT n.id, n.type_id, t.name AS type_name, n.last_known_state, n.name, "
        + column(c, "Execution", "n", "external_id")
        + ", n.create_time_since_epoch, n.last_update_time_since_epoch"
        + " FROM Execution n LEFT JOIN Type t ON t.id = n.type_id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Execution.Builder e = Execution.newBuilder().setId(id).setTypeId(rs.getLong("type_id"))
            .setCreateTimeSinceEpoch(rs.getLong("create_time_since_epoch"))
            .setLastUpdateTimeSinceEpoch(rs.getLong("last_update_time_since_epoch"));
        ifPresent(rs.getString("type_name"), e::setType);
        ifPresent(integer(rs, "last_known_state"),
            v -> e.setLastKnownState(Execution.State.forNumber(v.intValue())));
        ifPresent(rs.getString("name"), e::setName);
        ifPresent(rs.getString("external_id"), e::setExternalId);
        PropertyMaps p = properties.getOrDefault(id, PropertyMaps.EMPTY);
        e.putAllProperties(p.declared).putAllCustomProperties(p.custom);
        executions.put(id, e.build());
      }
    }
  }

  private void readContexts(Connection c) throws SQLException, InvalidProtocolBufferException {
    Map<Long, PropertyMaps> properties = readProperties(c, "ContextProperty", "context_id");
    String sql = "SELECT n.id, n.type_id, t.name AS type_name, n.name, "
        + column(c, "Context", "n", "external_id")
        + ", n.create_time_since_epoch, n.last_update_time_since_epoch"
        + " FROM Context n LEFT JOIN Type t ON t.id = n.type_id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Context.Builder x = Context.newBuilder().setId(id).setTypeId(rs.getLong("type_id"))
            .setCreateTimeSinceEpoch(rs.getLong("create_time_since_epoch"))
            .setLastUpdateTimeSinceEpoch(rs.getLong("last_update_time_since_epoch"));
        ifPresent(rs.getString("type_name"), x::setType);
        ifPresent(rs.getString("name"), x::setName);
        ifPresent(rs.getString("external_id"), x::setExternalId);
        PropertyMaps p = properties.getOrDefault(id, PropertyMaps.EMPTY);
        x.putAllProperties(p.declared).putAllCustomProperties(p.custom);
        contexts.put(id, x.build());
      }
    }
  }

  /** The declared and custom properties of one node. */
  private record PropertyMaps(Map<String, Value> declared, Map<String, Value> custom) {
    static final PropertyMaps EMPTY = new PropertyMaps(Map.of(), Map.of());
  }

  private static Map<Long, PropertyMaps> readProperties(Connection c, String table, String idColumn)
      throws SQLException, InvalidProtocolBufferException {
    Map<Long, PropertyMaps> byNode = new HashMap<>();
    String sql = "SELECT " + idColumn + ", name, is_custom_property, int_value, double_value,"
        + " string_value, " + column(c, table, "", "proto_value") + ", "
        + column(c, table, "", "bool_value") + " FROM " + table;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        PropertyMaps maps = byNode.computeIfAbsent(rs.getLong(1),
            id -> new PropertyMaps(new HashMap<>(), new HashMap<>()));
        Map<String, Value> target = rs.getInt("is_custom_property") != 0 ? maps.custom
            : maps.declared;
        target.put(rs.getString("name"), value(rs, table));
      }
    }
    return byNode;
  }

  /**
   * The value of one property row: the first non-NULL column of int, double, string, proto,
   * bool (the order MLMD reads them in); a string with the struct prefix is a struct.
   */
  private static Value value(ResultSet rs, String table)
      throws SQLException, InvalidProtocolBufferException {
    if (rs.getObject("int_value") != null) {
      return Value.newBuilder().setIntValue(rs.getLong("int_value")).build();
    }
    if (rs.getObject("double_value") != null) {
      return Value.newBuilder().setDoubleValue(rs.getDouble("double_value")).build();
    }
    String string = rs.getString("string_value");
    if (string != null) {
      if (string.startsWith(STRUCT_PREFIX)) {
        byte[] bytes = Base64.getDecoder().decode(string.substring(STRUCT_PREFIX.length()));
        return Value.newBuilder().setStructValue(Struct.parseFrom(bytes)).build();
      }
      return Value.newBuilder().setStringValue(string).build();
    }
    byte[] proto = rs.getBytes("proto_value");
    if (proto != null) {
      String text = new String(proto, StandardCharsets.US_ASCII);
      return Value.newBuilder().setProtoValue(Any.parseFrom(Base64.getDecoder().decode(text)))
          .build();
    }
    if (rs.getObject("bool_value") != null) {
      return Value.newBuilder().setBoolValue(rs.getInt("bool_value") != 0).build();
    }
    throw new IllegalStateException(table + " row " + rs.getLong(1) + "/" + rs.getString("name")
        + " has no value in any column");
  }

  private void readEvents(Connection c) throws SQLException {
    Map<Long, Event.Path.Builder> paths = new HashMap<>();
    // EventPath has no key: its rows are in step order.
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_id, is_index_step, step_index, step_key"
            + " FROM EventPath ORDER BY rowid")) {
      while (rs.next()) {
        Event.Path.Step.Builder step = Event.Path.Step.newBuilder();
        if (rs.getInt("is_index_step") != 0) {
          step.setIndex(rs.getLong("step_index"));
        } else {
          step.setKey(rs.getString("step_key"));
        }
        paths.computeIfAbsent(rs.getLong("event_id"), id -> Event.Path.newBuilder())
            .addSteps(step);
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, artifact_id, execution_id, type,"
            + " milliseconds_since_epoch FROM Event ORDER BY id")) {
      while (rs.next()) {
        Event.Builder e = Event.newBuilder().setArtifactId(rs.getLong("artifact_id"))
            .setExecutionId(rs.getLong("execution_id"))
            .setType(Event.Type.forNumber(rs.getInt("type")));
        ifPresent(integer(rs, "milliseconds_since_epoch"), e::setMillisecondsSinceEpoch);
        Event.Path.Builder path = paths.get(rs.getLong("id"));
        if (path != null) {
          e.setPath(path);
        }
        events.add(e.build());
      }
    }
  }

  private static void readLinks(Connection c, String sql, List<Link> links) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        links.add(new Link(rs.getLong(1), rs.getLong(2)));
      }
    }
  }

  /**
   * {@code alias.name}, or {@code NULL AS name} in a file whose older schema lacks that column.
   */
  private static String column(Connection c, String table, String alias, String name)
      throws SQLException {
    Set<String> columns = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(`" + table + "`)")) {
      while (rs.next()) {
        columns.add(rs.getString("name"));
      }
    }
    if (!columns.contains(name)) {
      return "NULL AS " + name;
    }
    return alias.isEmpty() ? name : alias + "." + name;
  }

  private static Long integer(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : ((Number) value).longValue();
  }

  private static <T> void ifPresent(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** The ids of the nodes linked to {@code id} on one side of a link table. */
  static List<Long> linked(List<Link> links, Function<Link, Long> from, Function<Link, Long> to,
      long id) {
    List<Long> ids = new ArrayList<>();
    for (Link link : links) {
      if (from.apply(link) == id) {
        ids.add(to.apply(link));
      }
    }
    return ids;
  }
}
