package io.mlmd4j.grammar.ast;

import static io.mlmd4j.grammar.ast.Attribute.CREATE_TIME_SINCE_EPOCH;
import static io.mlmd4j.grammar.ast.Attribute.EXTERNAL_ID;
import static io.mlmd4j.grammar.ast.Attribute.ID;
import static io.mlmd4j.grammar.ast.Attribute.LAST_KNOWN_STATE;
import static io.mlmd4j.grammar.ast.Attribute.LAST_UPDATE_TIME_SINCE_EPOCH;
import static io.mlmd4j.grammar.ast.Attribute.NAME;
import static io.mlmd4j.grammar.ast.Attribute.STATE;
import static io.mlmd4j.grammar.ast.Attribute.TYPE;
import static io.mlmd4j.grammar.ast.Attribute.TYPE_ID;
import static io.mlmd4j.grammar.ast.Attribute.URI;

import java.util.List;

/**
 * The kind of node a filter selects: what {@code GetArtifacts}, {@code GetExecutions} and
 * {@code GetContexts} list.
 */
public enum NodeKind {
  ARTIFACT(List.of(ID, TYPE_ID, TYPE, NAME, EXTERNAL_ID, CREATE_TIME_SINCE_EPOCH,
      LAST_UPDATE_TIME_SINCE_EPOCH, URI, STATE)),
  EXECUTION(List.of(ID, TYPE_ID, TYPE, NAME, EXTERNAL_ID, CREATE_TIME_SINCE_EPOCH,
      LAST_UPDATE_TIME_SINCE_EPOCH, LAST_KNOWN_STATE)),
  CONTEXT(List.of(ID, TYPE_ID, TYPE, NAME, EXTERNAL_ID, CREATE_TIME_SINCE_EPOCH,
      LAST_UPDATE_TIME_SINCE_EPOCH));

  private final List<Attribute> attributes;

  NodeKind(List<Attribute> attributes) {
    this.attributes = attributes;
  }

  /** The attributes a node of this kind has, in the order documentation lists them. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The attribute of this kind of node that a query names {@code text} (lower case), or null. */
  public Attribute attribute(String text) {
    return find(attributes, text);
  }

  /** The kinds of neighbour a filter on this kind of node may name, as MLMD allows them. */
  public List<NeighbourKind> neighbours() {
    return switch (this) {
      case ARTIFACT, EXECUTION -> List.of(NeighbourKind.CONTEXTS, NeighbourKind.EVENTS);
      case CONTEXT -> List.of(NeighbourKind.PARENT_CONTEXTS, NeighbourKind.CHILD_CONTEXTS,
          NeighbourKind.ARTIFACTS, NeighbourKind.EXECUTIONS);
    };
  }

  static Attribute find(List<Attribute> attributes, String text) {
    for (Attribute attribute : attributes) {
      if (attribute.text().equals(text)) {
        return attribute;
      }
    }
    return null;
  }
}
