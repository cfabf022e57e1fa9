package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** Unary minus of anything but a number written right after it (that is a negative literal). */
public record Negation(Expression operand) implements Expression {

  public Negation {
    Objects.requireNonNull(operand, "operand");
  }

  @Override public ValueType type() {
    return operand.type();
  }
}
