package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * A read of one field of a property of the listed node: {@code properties.accuracy.double_value}
 * or {@code custom_properties.`my:prop`.int_value}. As in MLMD, a node without that property
 * does not match the filter at all, even under {@code OR} or {@code NOT}; a name no node has is
 * allowed and matches nothing.
 *
 * @param name the property's name, exactly as stored (names are case-sensitive)
 * @param custom true for {@code custom_properties}, false for {@code properties}
 * @param field the field of the value read
 */
public record PropertyRef(String name, boolean custom, ValueField field) implements Expression {

  /** @throws IllegalArgumentException if the name is empty */
  public PropertyRef {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a property name cannot be empty");
    }
    Objects.requireNonNull(field, "field");
  }

  @Override public ValueType type() {
    return field.type();
  }
}
