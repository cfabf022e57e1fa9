package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code left op right}. When one side reads an enum attribute ({@code state},
 * {@code last_known_state}, an event's {@code type}) and the other is an {@link EnumLiteral},
 * MLMD lets {@code !=} also match nodes whose attribute is NULL.
 */
public record Comparison(Operator operator, Expression left, Expression right)
    implements Expression {

  /** The comparison operators; {@code <>} is written {@code !=}. */
  public enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as a query writes it. */
    public String symbol() {
      return symbol;
    }
  }

  public Comparison {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
