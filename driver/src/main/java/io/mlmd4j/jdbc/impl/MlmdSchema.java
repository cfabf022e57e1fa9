package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ForwardingMultimap;
import com.google.common.collect.Multimap;
import com.google.protobuf.ProtocolMessageEnum;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.MetadataStoreProto;
import io.mlmd4j.proto.PropertyType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.tools.RelBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The schema {@code mlmd}: the stable logical tables over MLMD's physical ones, the same on
 * every backend, and the table function {@code lineage} ({@link LineageFunction}). It also gives
 * generated code the backend's {@link DataSource}.
 */
final class MlmdSchema extends AbstractSchema implements Wrapper, DescribedSchema {

  static final String NAME = "mlmd";

  /** MLMD's built-in simple types, which its Get*Types calls hide; the tables hide them too. */
  static final List<String> SIMPLE_TYPE_NAMES = List.of("mlmd.Dataset", "mlmd.Model",
      "mlmd.Metrics", "mlmd.Statistics", "mlmd.Train", "mlmd.Transform", "mlmd.Process",
      "mlmd.Evaluate", "mlmd.Deploy");

  private static final Map<Integer, String> EVENT_TYPES = EnumNames.of(Event.Type.values());
  private static final Map<Integer, String> PROPERTY_TYPES = EnumNames.of(PropertyType.values());

  /**
   * {@code lineage} and its overloads, made when a query names it: making a table function
   * initializes Calcite's table of every operator's implementation (about 100 classes, 20 ms of
   * a JVM's first query), which a query without it never needs.
   */
  private static final Multimap<String, Function> FUNCTIONS = new ForwardingMultimap<>() {
    private final Supplier<Multimap<String, Function>> overloads =
        Suppliers.memoize(LineageFunction::functions);

    @Override
    protected Multimap<String, Function> delegate() {
      return overloads.get();
    }

    @Override
    public Set<String> keySet() {
      return Set.of(LineageFunction.NAME);
    }

    @Override
    public Collection<Function> get(String name) {
      return LineageFunction.NAME.equals(name) ? delegate().get(name) : List.of();
    }
  };

  private final PhysicalSchema physical;
  private final Map<String, LogicalTable> tables;

  MlmdSchema(PhysicalSchema physical) {
    this.physical = physical;
    Map<String, LogicalTable> map = new TreeMap<>();
    for (LogicalTable t : tables(physical)) {
      map.put(t.shape().name(), t);
    }
    this.tables = map;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.copyOf(tables);
  }

  /** The table function {@code lineage}. */
  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return FUNCTIONS;
  }

  @Override
  public List<TableShape> tableShapes() {
    return tables.values().stream().map(LogicalTable::shape)
        .sorted(Comparator.comparing(TableShape::name)).toList();
  }

  /** Generated code reaches the backend through {@code unwrap(DataSource.class)}. */
  @Override
  public <C> @Nullable C unwrap(Class<C> aClass) {
    if (aClass == DataSource.class) {
      return aClass.cast(physical.dataSource());
    }
    return aClass.isInstance(this) ? aClass.cast(this) : null;
  }

  private static List<LogicalTable> tables(PhysicalSchema p) {
    List<LogicalTable> list = new ArrayList<>();
    for (NodeKind kind : NodeKind.values()) {
      list.add(nodes(p, kind));
      list.add(properties(p, kind));
      list.add(types(p, kind));
      list.add(typeProperties(p, kind));
    }
    list.add(events(p));
    list.add(eventPathSteps(p));
    list.add(new LogicalTable(shape("attributions",
        "Which contexts each artifact is attributed to",
        List.of(Column.notNull("id", BIGINT, "The attribution's id"),
            Column.notNull("context_id", BIGINT, "The context"),
            Column.notNull("artifact_id", BIGINT, "The artifact")),
        List.of("id"), List.of(fk("context_id", "contexts"), fk("artifact_id", "artifacts"))),
        p, (b, s) -> b.push(s.scan("Attribution"))
            .project(b.field("id"), b.field("context_id"), b.field("artifact_id"))));
    list.add(new LogicalTable(shape("associations",
        "Which contexts each execution is associated with",
        List.of(Column.notNull("id", BIGINT, "The association's id"),
            Column.notNull("context_id", BIGINT, "The context"),
            Column.notNull("execution_id", BIGINT, "The execution")),
        List.of("id"), List.of(fk("context_id", "contexts"), fk("execution_id", "executions"))),
        p, (b, s) -> b.push(s.scan("Association"))
            .project(b.field("id"), b.field("context_id"), b.field("execution_id"))));
    list.add(new LogicalTable(shape("parent_contexts", "Which contexts contain which",
        List.of(Column.notNull("child_id", BIGINT, "The contained context"),
            Column.notNull("parent_id", BIGINT, "The containing context")),
        List.of("child_id", "parent_id"),
        List.of(fk("child_id", "contexts"), fk("parent_id", "contexts"))),
        p, (b, s) -> b.push(s.scan("ParentContext"))
            .project(b.field("context_id"), b.field("parent_context_id"))));
    return list;
  }

  private static LogicalTable nodes(PhysicalSchema p, NodeKind kind) {
    TableShape shape = shape(kind.plural(), "Every " + kind.singular + ", of every type",
        kind.nodeColumns(), List.of("id"), List.of(fk("type_id", kind.singular + "_types")));
    return new LogicalTable(shape, p, (b, s) -> {
      b.push(s.scan(kind.nodeTable)).as("n");
      b.push(s.scan("Type")).as("t");
      b.join(JoinRelType.INNER, b.equals(b.field(2, "n", "type_id"), b.field(2, "t", "id")));
      b.project(kind.nodeFields(b, b.field("t", "name")));
    });
  }

  private static LogicalTable properties(PhysicalSchema p, NodeKind kind) {
    String id = kind.idColumn;
    TableShape shape = shape(kind.singular + "_properties",
        "Property values of " + kind.plural() + ", declared and custom; one value column is set",
        List.of(Column.notNull(id, BIGINT, "The " + kind.singular),
            Column.notNull("name", VARCHAR, "The property's name"),
            Column.notNull("is_custom_property", BOOLEAN,
                "False for a property the type declares, true for a custom one"),
            Column.nullable("int_value", BIGINT, "An INT value"),
            Column.nullable("double_value", DOUBLE, "A DOUBLE value"),
            Column.nullable("string_value", VARCHAR,
                "A STRING value (a STRUCT value as MLMD stores it: mlmd-struct:: and base64)"),
            Column.nullable("bool_value", BOOLEAN, "A BOOLEAN value")),
        List.of(id, "name", "is_custom_property"), List.of(fk(id, kind.plural())));
    return new LogicalTable(shape, p, (b, s) -> b.push(s.scan(kind.propertyTable))
        .project(b.field(id), b.field("name"), b.field("is_custom_property"),
            b.field("int_value"), b.field("double_value"), b.field("string_value"),
            b.field("bool_value")));
  }

  private static LogicalTable types(PhysicalSchema p, NodeKind kind) {
    List<Column> columns = new ArrayList<>(List.of(
        Column.notNull("id", BIGINT, "The type's id"),
        Column.notNull("name", VARCHAR, "The type's name"),
        Column.nullable("version", VARCHAR, "The type's version; NULL when it has none"),
        Column.nullable("description", VARCHAR, "What the type is for"),
        Column.nullable("external_id", VARCHAR, "Id given by another system")));
    ProtocolMessageEnum[] baseTypes = switch (kind) {
      case ARTIFACT -> ArtifactType.SystemDefinedBaseType.values();
      case EXECUTION -> ExecutionType.SystemDefinedBaseType.values();
      case CONTEXT -> new ProtocolMessageEnum[0];
    };
    if (baseTypes.length > 0) {
      columns.add(Column.nullable("base_type", VARCHAR, "MLMD's system base type: "
          + String.join(", ", EnumNames.of(baseTypes).tailMap(1).values()))); // 0 is UNSET
    }
    if (kind == NodeKind.EXECUTION) {
      columns.add(Column.nullable("input_type", VARCHAR,
          "The declared input signature, as JSON of ArtifactStructType"));
      columns.add(Column.nullable("output_type", VARCHAR,
          "The declared output signature, as JSON of ArtifactStructType"));
    }
    TableShape shape = shape(kind.singular + "_types",
        "The " + kind.singular + " types (MLMD's built-in simple types left out)", columns,
        List.of("id"), List.of());
    return new LogicalTable(shape, p, (b, s) -> {
      b.push(s.scan("Type"));
      b.filter(b.equals(b.field("type_kind"), b.literal(kind.typeKind)), notSimpleType(b));
      b.as("t");
      if (baseTypes.length > 0) {
        b.push(s.scan("ParentType")).as("pt");
        b.join(JoinRelType.LEFT,
            b.equals(b.field(2, "t", "id"), b.field(2, "pt", "type_id")));
        b.push(s.scan("Type")).as("bt");
        b.join(JoinRelType.LEFT,
            b.equals(b.field(2, "pt", "parent_type_id"), b.field(2, "bt", "id")));
      }
      List<RexNode> fields = new ArrayList<>(List.of(b.field("t", "id"), b.field("t", "name"),
          b.field("t", "version"), b.field("t", "description"), b.field("t", "external_id")));
      if (baseTypes.length > 0) {
        fields.add(EnumNames.decode(b, b.field("bt", "name"), baseTypes(baseTypes)));
      }
      if (kind == NodeKind.EXECUTION) {
        fields.add(b.field("t", "input_type"));
        fields.add(b.field("t", "output_type"));
      }
      b.project(fields);
    });
  }

  /** Not one of MLMD's simple types (which have a reserved name and no version). */
  private static RexNode notSimpleType(RelBuilder b) {
    List<RexNode> names = SIMPLE_TYPE_NAMES.stream().map(n -> (RexNode) b.literal(n)).toList();
    return b.or(b.isNotNull(b.field("version")), b.not(b.in(b.field("name"), names)));
  }

  private static LogicalTable typeProperties(PhysicalSchema p, NodeKind kind) {
    TableShape shape = shape(kind.singular + "_type_properties",
        "The properties each " + kind.singular + " type declares",
        List.of(Column.notNull("type_id", BIGINT, "The type"),
            Column.notNull("name", VARCHAR, "The property's name"),
            Column.nullable("data_type", VARCHAR,
                "INT, DOUBLE, STRING, STRUCT, PROTO or BOOLEAN")),
        List.of("type_id", "name"), List.of(fk("type_id", kind.singular + "_types")));
    return new LogicalTable(shape, p, (b, s) -> {
      b.push(s.scan("TypeProperty")).as("p");
      b.push(s.scan("Type")).filter(b.equals(b.field("type_kind"), b.literal(kind.typeKind)))
          .as("t");
      b.join(JoinRelType.INNER, b.equals(b.field(2, "p", "type_id"), b.field(2, "t", "id")));
      b.project(b.field("p", "type_id"), b.field("p", "name"),
          EnumNames.decode(b, b.field("p", "data_type"), PROPERTY_TYPES));
    });
  }

  private static LogicalTable events(PhysicalSchema p) {
    TableShape shape = shape("events", "Which executions read (input) and wrote (output) which"
            + " artifacts",
        List.of(Column.notNull("id", BIGINT, "The event's id"),
            Column.notNull("artifact_id", BIGINT, "The artifact"),
            Column.notNull("execution_id", BIGINT, "The execution"),
            Column.nullable("type", VARCHAR, "DECLARED_OUTPUT, DECLARED_INPUT, INPUT, OUTPUT,"
                + " INTERNAL_INPUT, INTERNAL_OUTPUT or PENDING_OUTPUT"),
            Column.nullable("milliseconds_since_epoch", BIGINT,
                "When it happened, milliseconds since the Unix epoch")),
        List.of("id"), List.of(fk("artifact_id", "artifacts"), fk("execution_id", "executions")));
    return new LogicalTable(shape, p, (b, s) -> b.push(s.scan("Event"))
        .project(b.field("id"), b.field("artifact_id"), b.field("execution_id"),
            EnumNames.decode(b, b.field("type"), EVENT_TYPES),
            b.field("milliseconds_since_epoch")));
  }

  private static LogicalTable eventPathSteps(PhysicalSchema p) {
    TableShape shape = shape("event_path_steps",
        "The steps of each event's path: where the artifact sits in the execution's inputs or"
            + " outputs (a key, then an index)",
        List.of(Column.notNull("event_id", BIGINT, "The event"),
            Column.notNull("is_index_step", BOOLEAN, "True for an index step, false for a key"),
            Column.nullable("step_index", BIGINT, "The index of an index step"),
            Column.nullable("step_key", VARCHAR, "The key of a key step")),
        List.of(), List.of(fk("event_id", "events")));
    return new LogicalTable(shape, p, (b, s) -> b.push(s.scan("EventPath"))
        .project(b.field("event_id"), b.field("is_index_step"), b.field("step_index"),
            b.field("step_key")));
  }

  /**
   * The simple type each system base type names, as {type name: enum name}; read from the
   * enum's options, so only when a query reads a types table (see {@link EnumNames#of}).
   */
  private static Map<String, String> baseTypes(ProtocolMessageEnum[] values) {
    Map<String, String> map = new TreeMap<>();
    for (ProtocolMessageEnum v : values) {
      if (v.getNumber() == 0) {
        continue; // UNSET
      }
      map.put(v.getValueDescriptor().getOptions()
          .getExtension(MetadataStoreProto.systemTypeExtension).getTypeName(),
          v.getValueDescriptor().getName());
    }
    return map;
  }

  private static TableShape shape(String name, String remarks, List<Column> columns,
      List<String> primaryKey, List<ForeignKey> foreignKeys) {
    return new TableShape(NAME, name, remarks, columns, primaryKey, foreignKeys);
  }

  private static ForeignKey fk(String column, String table) {
    return new ForeignKey(column, NAME, table, "id");
  }
}
