package io.mlmd4j.grammar.ast;

/**
 * A filter expression: an immutable tree whose records compare by value. A tree made by the
 * parsers is well typed (every operator has operands of types it takes) and names only what its
 * node kind has; one built by hand is checked only for nulls.
 */
public sealed interface Expression
    permits Literal, AttributeRef, PropertyRef, Comparison, InList, Like, IsNull, Not, And, Or,
        Arithmetic, Negation {

  /** The type of the expression's value. */
  ValueType type();

  /**
   * The expression as filter text that parses back to an equal tree, with no more parentheses
   * than the precedence of its operators needs.
   */
  default String unparse() {
    return Unparser.expression(this);
  }
}
