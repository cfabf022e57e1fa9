package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * A parsed filter query: a boolean condition on nodes of one kind.
 *
 * @param nodeKind the kind of node the condition selects; its attributes and neighbours are the
 *     ones the condition may name
 * @param condition a boolean expression
 */
public record Filter(NodeKind nodeKind, Expression condition) {

  public Filter {
    Objects.requireNonNull(nodeKind, "nodeKind");
    Objects.requireNonNull(condition, "condition");
  }

  /** The condition as filter text that parses back to an equal filter. */
  public String unparse() {
    return condition.unparse();
  }
}
