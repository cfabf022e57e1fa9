package io.mlmd4j.grammar.ast;

/** A floating-point constant such as {@code 0.95}, {@code .5} or {@code 1e-3}. */
public record DoubleLiteral(double value) implements Literal {

  /** @throws IllegalArgumentException if the value is infinite or NaN */
  public DoubleLiteral {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
  }

  @Override public ValueType type() {
    return ValueType.DOUBLE;
  }
}
