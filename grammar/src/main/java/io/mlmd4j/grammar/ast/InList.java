package io.mlmd4j.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code operand [NOT] IN (values...)}. As with {@link Comparison}, MLMD lets {@code NOT IN} over
 * enum names also match nodes whose enum attribute is NULL.
 *
 * @param values one or more, in the order written
 */
public record InList(Expression operand, List<Expression> values, boolean negated)
    implements Expression {

  /** @throws IllegalArgumentException if {@code values} is empty */
  public InList {
    Objects.requireNonNull(operand, "operand");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
