package io.mlmd4j.grammar.ast;

/**
 * A column-like attribute a filter can name: of the listed node itself ({@code name}), or of a
 * neighbour ({@code contexts_a.name}, {@code events_0.type}). Which attributes each kind of node
 * and neighbour has is {@link NodeKind#attributes()} and {@link NeighbourKind#attributes()}.
 */
public enum Attribute {
  ID("id", ValueType.INTEGER, null),
  TYPE_ID("type_id", ValueType.INTEGER, null),
  /** The name of the node's type. */
  TYPE("type", ValueType.STRING, null),
  NAME("name", ValueType.STRING, null),
  EXTERNAL_ID("external_id", ValueType.STRING, null),
  CREATE_TIME_SINCE_EPOCH("create_time_since_epoch", ValueType.INTEGER, null),
  LAST_UPDATE_TIME_SINCE_EPOCH("last_update_time_since_epoch", ValueType.INTEGER, null),
  /** An artifact's uri. */
  URI("uri", ValueType.STRING, null),
  /** An artifact's state. */
  STATE("state", ValueType.INTEGER, EnumType.ARTIFACT_STATE),
  /** An execution's last_known_state. */
  LAST_KNOWN_STATE("last_known_state", ValueType.INTEGER, EnumType.EXECUTION_STATE),
  /** An event's type, spelled {@code type} like a node's type name. */
  EVENT_TYPE("type", ValueType.INTEGER, EnumType.EVENT_TYPE),
  /** An event's time. */
  MILLISECONDS_SINCE_EPOCH("milliseconds_since_epoch", ValueType.INTEGER, null),
  /** The artifact an event links. */
  ARTIFACT_ID("artifact_id", ValueType.INTEGER, null),
  /** The execution an event links. */
  EXECUTION_ID("execution_id", ValueType.INTEGER, null);

  private final String text;
  private final ValueType type;
  private final EnumType enumType;

  Attribute(String text, ValueType type, EnumType enumType) {
    this.text = text;
    this.type = type;
    this.enumType = enumType;
  }

  /** The name as a query writes it. */
  public String text() {
    return text;
  }

  /** The type of the attribute's values. */
  public ValueType type() {
    return type;
  }

  /** The MLMD enum whose value names this attribute accepts, or null if it takes none. */
  public EnumType enumType() {
    return enumType;
  }
}
