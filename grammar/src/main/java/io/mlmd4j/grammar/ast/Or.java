package io.mlmd4j.grammar.ast;

import java.util.List;

/**
 * {@code a OR b OR ...}: a chain written without parentheses is one node; a parenthesized
 * disjunction inside it stays a child of its own.
 *
 * @param operands two or more, in the order written
 */
public record Or(List<Expression> operands) implements Expression {

  /** @throws IllegalArgumentException if there are fewer than two operands */
  public Or {
    operands = List.copyOf(operands);
    if (operands.size() < 2) {
      throw new IllegalArgumentException("OR needs two or more operands");
    }
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
