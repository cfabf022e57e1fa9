package io.mlmd4j.grammar.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(boolean value) implements Literal {

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
