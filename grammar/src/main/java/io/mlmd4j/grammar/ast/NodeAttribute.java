package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** An attribute of the listed node itself, such as {@code name} or {@code state}. */
public record NodeAttribute(Attribute attribute) implements AttributeRef {

  public NodeAttribute {
    Objects.requireNonNull(attribute, "attribute");
  }
}
