package io.mlmd4j.grammar.ast;

/** Which field of a property's {@code Value} a filter reads. */
public enum ValueField {
  INT_VALUE("int_value", ValueType.INTEGER),
  DOUBLE_VALUE("double_value", ValueType.DOUBLE),
  STRING_VALUE("string_value", ValueType.STRING),
  BOOL_VALUE("bool_value", ValueType.BOOLEAN);

  private final String text;
  private final ValueType type;

  ValueField(String text, ValueType type) {
    this.text = text;
    this.type = type;
  }

  /** The name as a query writes it, e.g. {@code int_value}. */
  public String text() {
    return text;
  }

  /** The type of the field. */
  public ValueType type() {
    return type;
  }
}
