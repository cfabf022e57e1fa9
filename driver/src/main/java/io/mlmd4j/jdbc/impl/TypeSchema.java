package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.mlmd4j.proto.PropertyType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The schema {@code artifact}, {@code execution} or {@code context}: one table per type of that
 * kind, named after the type, with the node's columns and one typed column per declared property
 * ({@code SELECT name, accuracy FROM artifact."ModelEvaluation" WHERE accuracy > 0.9}). Each
 * property column is a left join to the property table, restricted to that property's rows, so
 * the backend reads only the rows it needs.
 *
 * <p>A table name written without quotes is folded to lower case; it still finds the one type
 * whose name differs from it only in case.
 */
final class TypeSchema extends AbstractSchema implements DescribedSchema {

  private final NodeKind kind;
  private final PhysicalSchema physical;
  private final TypeDirectory directory;
  /** The types of a snapshot; null for the live schema, which asks the directory each time. */
  private final @Nullable List<NodeType> fixed;

  TypeSchema(NodeKind kind, PhysicalSchema physical, TypeDirectory directory,
      @Nullable List<NodeType> fixed) {
    this.kind = kind;
    this.physical = physical;
    this.directory = directory;
    this.fixed = fixed;
  }

  private List<NodeType> types() {
    List<NodeType> all = fixed != null ? fixed : directory.current();
    return all.stream().filter(t -> t.kind() == kind).toList();
  }

  @Override
  public boolean isMutable() {
    return true;
  }

  /** Calcite takes a snapshot for each statement it prepares: the types as of then. */
  @Override
  public Schema snapshot(SchemaVersion version) {
    return new TypeSchema(kind, physical, directory, directory.at(version));
  }

  @Override
  public Lookup<Table> tables() {
    List<NodeType> types = types();
    return new Lookup<>() {
      @Override
      public @Nullable Table get(String name) {
        NodeType type = find(types, name);
        return type == null ? null : table(type);
      }

      @Override
      public @Nullable Named<Table> getIgnoreCase(String name) {
        NodeType type = find(types, name);
        return type == null ? null : new Named<>(type.tableName(), table(type));
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> names = new LinkedHashSet<>();
        for (NodeType t : types) {
          if (pattern.matcher().apply(t.tableName())) {
            names.add(t.tableName());
          }
        }
        return names;
      }
    };
  }

  /** The type named exactly so, else the only one whose name matches ignoring case. */
  private static @Nullable NodeType find(List<NodeType> types, String name) {
    NodeType folded = null;
    int foldedCount = 0;
    for (NodeType t : types) {
      if (t.tableName().equals(name)) {
        return t;
      }
      if (t.tableName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        folded = t;
        foldedCount++;
      }
    }
    return foldedCount == 1 ? folded : null;
  }

  @Override
  public List<TableShape> tableShapes() {
    return types().stream().map(this::shape)
        .sorted(java.util.Comparator.comparing(TableShape::name)).toList();
  }

  private LogicalTable table(NodeType type) {
    List<PropertyColumn> properties = propertyColumns(type);
    return new LogicalTable(shape(type, properties), physical, (b, s) -> {
      b.push(s.scan(kind.nodeTable))
          .filter(b.equals(b.field("type_id"), b.literal(type.id())))
          .as("n");
      for (int i = 0; i < properties.size(); i++) {
        PropertyColumn p = properties.get(i);
        b.push(s.scan(kind.propertyTable))
            .filter(b.equals(b.field("name"), b.literal(p.property())),
                b.not(b.field("is_custom_property")))
            .project(b.field(kind.idColumn), b.field(p.valueColumn()))
            .as("p" + i);
        b.join(JoinRelType.LEFT,
            b.equals(b.field(2, "n", "id"), b.field(2, "p" + i, kind.idColumn)));
      }
      List<RexNode> fields = new ArrayList<>(
          kind.nodeFields(b, EnumNames.varcharLiteral(b.getRexBuilder(), type.name())));
      for (int i = 0; i < properties.size(); i++) {
        fields.add(b.field("p" + i, properties.get(i).valueColumn()));
      }
      b.project(fields);
    });
  }

  private TableShape shape(NodeType type) {
    return shape(type, propertyColumns(type));
  }

  private TableShape shape(NodeType type, List<PropertyColumn> properties) {
    List<Column> columns = new ArrayList<>(kind.nodeColumns());
    for (PropertyColumn p : properties) {
      columns.add(Column.nullable(p.column(), p.type(),
          "Declared property " + p.property() + " (" + p.propertyType() + ")"));
    }
    String remarks = capitalized(kind.plural()) + " of type " + type.tableName()
        + ", one column per declared property";
    return new TableShape(kind.singular, type.tableName(), remarks, columns, List.of("id"),
        List.of(new ForeignKey("id", MlmdSchema.NAME, kind.plural(), "id"),
            new ForeignKey("type_id", MlmdSchema.NAME, kind.singular + "_types", "id")));
  }

  /** A declared property as a column: where its value is stored and its SQL type. */
  private record PropertyColumn(String property, String column, String propertyType,
      String valueColumn, SqlTypeName type) {}

  /**
   * The type's declared properties in name order; one whose name is a node column's is shown
   * as {@code property_<name>}. UNKNOWN-typed declarations have no values, and no column.
   */
  private List<PropertyColumn> propertyColumns(NodeType type) {
    List<String> nodeColumns = kind.nodeColumnNames();
    List<PropertyColumn> columns = new ArrayList<>();
    for (Map.Entry<String, Integer> e : type.properties().entrySet()) {
      PropertyType propertyType = PropertyType.forNumber(e.getValue());
      if (propertyType == null) {
        continue;
      }
      String valueColumn;
      SqlTypeName sqlType;
      switch (propertyType) {
        case INT -> {
          valueColumn = "int_value";
          sqlType = BIGINT;
        }
        case DOUBLE -> {
          valueColumn = "double_value";
          sqlType = DOUBLE;
        }
        case STRING, STRUCT -> {
          valueColumn = "string_value";
          sqlType = VARCHAR;
        }
        case PROTO -> {
          valueColumn = "proto_value";
          sqlType = VARBINARY;
        }
        case BOOLEAN -> {
          valueColumn = "bool_value";
          sqlType = BOOLEAN;
        }
        default -> {
          continue;
        }
      }
      String column = nodeColumns.contains(e.getKey()) ? "property_" + e.getKey() : e.getKey();
      columns.add(new PropertyColumn(e.getKey(), column, propertyType.name(), valueColumn,
          sqlType));
    }
    return columns;
  }

  private static String capitalized(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
