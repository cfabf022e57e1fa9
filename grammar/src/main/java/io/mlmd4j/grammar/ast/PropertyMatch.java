package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code name = value} in a cache lookup's {@code MATCHING PROPERTIES}: the execution has a
 * property or a custom property {@code name} (TFX stores an execution property in whichever of
 * the two its type declares) whose value is of the literal's type and equal to it.
 *
 * @param name the property's name, exactly as stored
 * @param value an integer, double, string or boolean literal
 */
public record PropertyMatch(String name, Literal value) {

  /** @throws IllegalArgumentException if the name is empty or the value is an enum name */
  public PropertyMatch {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a property name cannot be empty");
    }
    if (value instanceof EnumLiteral) {
      throw new IllegalArgumentException("a property value cannot be an enum name");
    }
    Objects.requireNonNull(value, "value");
  }
}
