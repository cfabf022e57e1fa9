package io.mlmd4j.grammar.ast;

import static io.mlmd4j.grammar.ast.Attribute.ARTIFACT_ID;
import static io.mlmd4j.grammar.ast.Attribute.EVENT_TYPE;
import static io.mlmd4j.grammar.ast.Attribute.EXECUTION_ID;
import static io.mlmd4j.grammar.ast.Attribute.MILLISECONDS_SINCE_EPOCH;

import java.util.List;

/**
 * What a neighbour alias joins, named by the prefix of the alias: {@code contexts_a} is the
 * context {@code a} the listed artifact or execution belongs to.
 *
 * <p>A node neighbour has every attribute of its node kind. MLMD offers fewer (contexts lack
 * {@code type_id} and {@code external_id}) and fails on some it declares
 * ({@code artifacts_a.external_id}, {@code parent_contexts_a.create_time_since_epoch}); all of
 * them work here.
 */
public enum NeighbourKind {
  /** A context the listed artifact (by attribution) or execution (by association) is in. */
  CONTEXTS("contexts_", NodeKind.CONTEXT),
  /** A parent of the listed context. */
  PARENT_CONTEXTS("parent_contexts_", NodeKind.CONTEXT),
  /** A child of the listed context. */
  CHILD_CONTEXTS("child_contexts_", NodeKind.CONTEXT),
  /** An artifact attributed to the listed context. */
  ARTIFACTS("artifacts_", NodeKind.ARTIFACT),
  /** An execution associated with the listed context. */
  EXECUTIONS("executions_", NodeKind.EXECUTION),
  /** An event of the listed artifact or execution. */
  EVENTS("events_", null);

  private static final List<Attribute> EVENT_ATTRIBUTES =
      List.of(EVENT_TYPE, MILLISECONDS_SINCE_EPOCH, ARTIFACT_ID, EXECUTION_ID);

  private final String prefix;
  private final NodeKind nodeKind;

  NeighbourKind(String prefix, NodeKind nodeKind) {
    this.prefix = prefix;
    this.nodeKind = nodeKind;
  }

  /** The prefix an alias of this kind starts with, e.g. {@code "contexts_"}. */
  public String prefix() {
    return prefix;
  }

  /** The kind of node this neighbour is, or null for events. */
  public NodeKind nodeKind() {
    return nodeKind;
  }

  /** The attributes a filter may read from a neighbour of this kind. */
  public List<Attribute> attributes() {
    return nodeKind == null ? EVENT_ATTRIBUTES : nodeKind.attributes();
  }

  /** The attribute of this neighbour that a query names {@code text} (lower case), or null. */
  public Attribute attribute(String text) {
    return NodeKind.find(attributes(), text);
  }
}
