package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** {@code operand IS [NOT] NULL}. */
public record IsNull(Expression operand, boolean negated) implements Expression {

  public IsNull {
    Objects.requireNonNull(operand, "operand");
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
