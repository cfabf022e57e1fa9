package io.mlmd4j.grammar.ast;

/**
 * An integer constant (64 bits). A minus sign written right before a number belongs to it:
 * {@code -5} is {@code IntLiteral(-5)}.
 */
public record IntLiteral(long value) implements Literal {

  @Override public ValueType type() {
    return ValueType.INTEGER;
  }
}
