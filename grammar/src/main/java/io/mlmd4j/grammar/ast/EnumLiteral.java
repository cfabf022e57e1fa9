package io.mlmd4j.grammar.ast;

import java.util.Locale;
import java.util.Objects;

/**
 * An MLMD enum value written by name, such as {@code LIVE} in {@code state = LIVE}. Its value is
 * MLMD's number for it, so it is an integer like the attribute it is compared with.
 *
 * @param enumType the enum the name belongs to
 * @param name the value's name, in upper case
 */
public record EnumLiteral(EnumType enumType, String name) implements Literal {

  /** @throws IllegalArgumentException if {@code enumType} has no value {@code name} */
  public EnumLiteral {
    Objects.requireNonNull(enumType, "enumType");
    enumType.number(name);
    name = name.toUpperCase(Locale.ROOT);
  }

  /** MLMD's number of this value, e.g. 2 for artifact state {@code LIVE}. */
  public int number() {
    return enumType.number(name);
  }

  @Override public ValueType type() {
    return ValueType.INTEGER;
  }
}
