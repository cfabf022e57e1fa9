package io.mlmd4j.store;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.Value;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads and builds one kind of node message. A node table's columns carry the names of the
 * message's fields ({@code type_id}, {@code uri}, {@code state}, {@code name}, ...), so scalar
 * fields are copied by descriptor; only the two property maps need the generated accessors.
 */
final class NodeAdapter<M extends Message> {

  static final NodeAdapter<Artifact> ARTIFACT = new NodeAdapter<>(NodeKind.ARTIFACT,
      Artifact.getDescriptor(), Artifact::newBuilder,
      List.of("type_id", "uri", "state", "name", "external_id"),
      Artifact::getPropertiesMap, Artifact::getCustomPropertiesMap,
      (b, m) -> ((Artifact.Builder) b).putAllProperties(m),
      (b, m) -> ((Artifact.Builder) b).putAllCustomProperties(m));

  static final NodeAdapter<Execution> EXECUTION = new NodeAdapter<>(NodeKind.EXECUTION,
      Execution.getDescriptor(), Execution::newBuilder,
      List.of("type_id", "last_known_state", "name", "external_id"),
      Execution::getPropertiesMap, Execution::getCustomPropertiesMap,
      (b, m) -> ((Execution.Builder) b).putAllProperties(m),
      (b, m) -> ((Execution.Builder) b).putAllCustomProperties(m));

  static final NodeAdapter<Context> CONTEXT = new NodeAdapter<>(NodeKind.CONTEXT,
      Context.getDescriptor(), Context::newBuilder,
      List.of("type_id", "name", "external_id"),
      Context::getPropertiesMap, Context::getCustomPropertiesMap,
      (b, m) -> ((Context.Builder) b).putAllProperties(m),
      (b, m) -> ((Context.Builder) b).putAllCustomProperties(m));

  /** Columns whose values are timestamps, present on every node table. */
  static final List<String> TIME_COLUMNS =
      List.of("create_time_since_epoch", "last_update_time_since_epoch");

  final NodeKind kind;
  final Descriptor descriptor;
  private final Supplier<Message.Builder> newBuilder;
  /** The mutable columns, stored from the message's fields of the same name. */
  final List<String> columns;
  private final Function<M, Map<String, Value>> properties;
  private final Function<M, Map<String, Value>> customProperties;
  private final BiConsumer<Message.Builder, Map<String, Value>> putProperties;
  private final BiConsumer<Message.Builder, Map<String, Value>> putCustomProperties;

  private NodeAdapter(NodeKind kind, Descriptor descriptor, Supplier<Message.Builder> newBuilder,
      List<String> columns, Function<M, Map<String, Value>> properties,
      Function<M, Map<String, Value>> customProperties,
      BiConsumer<Message.Builder, Map<String, Value>> putProperties,
      BiConsumer<Message.Builder, Map<String, Value>> putCustomProperties) {
    this.kind = kind;
    this.descriptor = descriptor;
    this.newBuilder = newBuilder;
    this.columns = columns;
    this.properties = properties;
    this.customProperties = customProperties;
    this.putProperties = putProperties;
    this.putCustomProperties = putCustomProperties;
  }

  Message.Builder newBuilder() {
    return newBuilder.get();
  }

  FieldDescriptor field(String name) {
    return descriptor.findFieldByName(name);
  }

  boolean hasId(M node) {
    return node.hasField(field("id"));
  }

  long id(M node) {
    return (Long) node.getField(field("id"));
  }

  /** The type id, or null when the message has none. */
  Long typeId(M node) {
    FieldDescriptor f = field("type_id");
    return node.hasField(f) ? (Long) node.getField(f) : null;
  }

  /** The name, or null when unset. */
  String name(M node) {
    FieldDescriptor f = field("name");
    return node.hasField(f) ? (String) node.getField(f) : null;
  }

  String externalId(M node) {
    FieldDescriptor f = field("external_id");
    return node.hasField(f) ? (String) node.getField(f) : null;
  }

  Map<String, Value> properties(M node) {
    return properties.apply(node);
  }

  Map<String, Value> customProperties(M node) {
    return customProperties.apply(node);
  }

  void putProperties(Message.Builder b, Map<String, Value> values, boolean custom) {
    (custom ? putCustomProperties : putProperties).accept(b, values);
  }

  /**
   * The value a column stores for the message's field: enums as their number, an unset field
   * as null, except an artifact's uri, which MLMD always stores (unset as {@code ""}).
   */
  Object columnValue(M node, String column) {
    FieldDescriptor f = field(column);
    if (!node.hasField(f)) {
      return kind == NodeKind.ARTIFACT && column.equals("uri") ? "" : null;
    }
    Object v = node.getField(f);
    return v instanceof EnumValueDescriptor e ? e.getNumber() : v;
  }

  /** Sets a field from a column's value (null leaves it unset). */
  void setFromColumn(Message.Builder b, String column, Object value) {
    if (value == null) {
      return;
    }
    FieldDescriptor f = field(column);
    switch (f.getJavaType()) {
      case ENUM -> {
        EnumValueDescriptor e = f.getEnumType().findValueByNumber(((Number) value).intValue());
        if (e != null) {
          b.setField(f, e);
        }
      }
      case LONG -> b.setField(f, ((Number) value).longValue());
      default -> b.setField(f, value.toString());
    }
  }

  @SuppressWarnings("unchecked")
  M cast(Message m) {
    return (M) m;
  }
}
