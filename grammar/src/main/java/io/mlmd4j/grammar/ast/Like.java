package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code operand [NOT] LIKE pattern}, SQL's pattern match ({@code %} any run, {@code _} one
 * character). Its case sensitivity is the backend's, as in MLMD: SQLite's LIKE ignores ASCII
 * case.
 */
public record Like(Expression operand, Expression pattern, boolean negated) implements Expression {

  public Like {
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(pattern, "pattern");
  }

  @Override public ValueType type() {
    return ValueType.BOOLEAN;
  }
}
