package io.mlmd4j.grammar.ast;

/** A read of an attribute: of the listed node, or of a neighbour. */
public sealed interface AttributeRef extends Expression
    permits NodeAttribute, NeighbourAttribute {

  /** The attribute read. */
  Attribute attribute();

  @Override default ValueType type() {
    return attribute().type();
  }
}
