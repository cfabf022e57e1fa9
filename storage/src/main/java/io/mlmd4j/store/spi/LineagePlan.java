package io.mlmd4j.store.spi;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A lineage walk, planned as one recursive query that finds every node the walk reaches (the
 * backend walks; nothing crosses the connection per hop) together with the events between those
 * nodes. The store takes distances and the events followed from these rows.
 *
 * <p>The query's rows have {@link #columnCount()} columns. Columns 1 to 5 are {@code kind, id,
 * artifact_id, execution_id, type}: kind 0 is a reached artifact, 1 a reached execution (id is
 * the node's), 2 an event between two reached nodes (id, artifact_id, execution_id and type are
 * the event's). Then come 0/1 flags, on node rows only: column 6 says the node is a start node;
 * one column per stop set, in order, says the node matches it; one per filtered node output, in
 * order, says the node passes that output's filter.
 *
 * @param walk the recursive query
 * @param direction which events the walk follows
 * @param maxHops how many events a walk may follow from the nearest start node; empty for no limit
 * @param stopSets the stop sets, in the order of their flag columns
 * @param outputs the result sets, in the order the statement names them
 */
public record LineagePlan(SqlStatement walk, Direction direction, OptionalInt maxHops,
    List<StopSet> stopSets, List<Output> outputs) implements LqlPlan {

  public LineagePlan {
    Objects.requireNonNull(walk, "walk");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(maxHops, "maxHops");
    stopSets = List.copyOf(stopSets);
    outputs = List.copyOf(outputs);
  }

  /** Which events a walk follows; see the grammar module's README. */
  public enum Direction { UPSTREAM, DOWNSTREAM, BOTH }

  /** A stop set: nodes of {@code table} that are not walked through, returned if inclusive. */
  public record StopSet(NodeTable table, boolean inclusive) {}

  /** What a result set holds. */
  public enum OutputKind { ARTIFACTS, EXECUTIONS, EVENTS, GRAPH, PATHS }

  /**
   * One result set of the statement.
   *
   * @param name its name, unique ignoring case
   * @param kind what it holds
   * @param target for ARTIFACTS, EXECUTIONS and PATHS: the kind of node returned (paths lead
   *     to); null for every node
   * @param filtered whether a filter chooses among those nodes, read from its flag column
   */
  public record Output(String name, OutputKind kind, NodeTable target, boolean filtered) {
    public Output {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The number of columns of the walk's rows. */
  public int columnCount() {
    return 6 + stopSets.size() + (int) outputs.stream().filter(Output::filtered).count();
  }
}
