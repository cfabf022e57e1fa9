package io.mlmd4j.grammar.ast;

/** The type of a filter expression's value, as MLMD's analyzer types it. */
public enum ValueType {
  INTEGER("integer"),
  DOUBLE("double"),
  STRING("string"),
  BOOLEAN("boolean");

  private final String displayName;

  ValueType(String displayName) {
    this.displayName = displayName;
  }

  /** Whether values of this type take part in arithmetic and compare with each other. */
  public boolean isNumeric() {
    return this == INTEGER || this == DOUBLE;
  }

  /** Whether a value of this type compares with one of {@code other}: same type, or numbers. */
  public boolean isComparableWith(ValueType other) {
    return this == other || isNumeric() && other.isNumeric();
  }

  /** The lower-case name used in error messages. */
  public String displayName() {
    return displayName;
  }
}
