package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** {@code NOT operand}. */
public record Not(Expression operand) implements Expression {

  public Not {
    Objects.requireNonNull(operand, "operand");
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
