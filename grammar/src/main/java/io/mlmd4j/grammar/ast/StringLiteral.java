package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** A string constant, its escapes already decoded. */
public record StringLiteral(String value) implements Literal {

  public StringLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override public ValueType type() {
    return ValueType.STRING;
  }
}
