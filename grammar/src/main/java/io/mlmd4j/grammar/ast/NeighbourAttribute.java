package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * An attribute of a neighbour, such as {@code contexts_a.name} or {@code events_0.type}. As in
 * MLMD, a node without any such neighbour does not match the filter at all, even where the read
 * sits under {@code OR} or {@code NOT}: each alias is an inner join.
 */
public record NeighbourAttribute(Neighbour neighbour, Attribute attribute)
    implements AttributeRef {

  public NeighbourAttribute {
    Objects.requireNonNull(neighbour, "neighbour");
    Objects.requireNonNull(attribute, "attribute");
  }
}
