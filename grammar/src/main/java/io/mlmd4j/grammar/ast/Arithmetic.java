package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code left op right} on numbers. As in MLMD's analyzer, {@code /} always gives a double
 * ({@code 5 / 2} is 2.5); the other operators give an integer when both operands are integers.
 */
public record Arithmetic(Operator operator, Expression left, Expression right)
    implements Expression {

  /** The arithmetic operators. */
  public enum Operator {
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as a query writes it. */
    public String symbol() {
      return symbol;
    }
  }

  public Arithmetic {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override public ValueType type() {
    if (operator == Operator.DIVIDE) {
      return ValueType.DOUBLE;
    }
    return left.type() == ValueType.INTEGER && right.type() == ValueType.INTEGER
        ? ValueType.INTEGER : ValueType.DOUBLE;
  }
}
