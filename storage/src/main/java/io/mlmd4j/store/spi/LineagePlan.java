package io.mlmd4j.store.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A lineage walk. Where the server has recursive queries it is one recursive query that finds
 * every node the walk reaches (the backend walks; nothing crosses the connection per hop)
 * together with the events between those nodes, and the store takes distances and the events
 * followed from these rows. When no result needs events (only {@code ARTIFACTS} and
 * {@code EXECUTIONS}), a lighter recursive query, {@link #distances}, gives each reached node
 * with its distance and is tried first. Where the server has no recursive queries the walk is
 * {@link #hops}: one query per hop over the whole frontier.
 *
 * <p>The rows of {@link #walk} have {@link #columnCount()} columns. Columns 1 to 5 are
 * {@code kind, id, artifact_id, execution_id, type}: kind 0 is a reached artifact, 1 a reached
 * execution (id is the node's), 2 an event between two reached nodes (id, artifact_id,
 * execution_id and type are the event's). Then come 0/1 flags, on node rows only: column 6 says
 * the node is a start node; one column per stop set, in order, says the node matches it; one per
 * filtered node output, in order, says the node passes that output's filter ({@link #flags()}
 * columns in all).
 *
 * @param walk the recursive query of the reached nodes and the events between them; null when
 *     the walk is {@link #hops}
 * @param distances null, or the recursive query of {@link Distances}
 * @param hops null, or the walk as one query per hop, for a server without recursive queries
 * @param direction which events the walk follows
 * @param maxHops how many events a walk may follow from the nearest start node; empty for no limit
 * @param stopSets the stop sets, in the order of their flag columns
 * @param outputs the result sets, in the order the statement names them
 */
public record LineagePlan(SqlStatement walk, Distances distances, HopByHop hops,
    Direction direction, OptionalInt maxHops, List<StopSet> stopSets, List<Output> outputs)
    implements LqlPlan {

  public LineagePlan {
    if ((walk == null) == (hops == null)) {
      throw new IllegalArgumentException("A walk is either one recursive query or hop by hop");
    }
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

  /**
   * The reached nodes of the kinds the results return, each once with its distance, computed by
   * a recursive query whose rows carry the length of the walk that reached them. Such a query
   * would not end on a cycle, so its walks are cut at {@code cut} events: when a node's longest
   * walk is at least {@code cut - 1} long, the walk may have been cut and the store runs
   * {@link #walk} instead. Rows: {@code kind, id, distance, longest}, then the flags of
   * {@link #walk}'s node rows from the first stop set on.
   *
   * @param query the recursive query
   * @param cut the walk length at which it was cut; 0 when only the statement's own
   *     {@code MAX HOPS} cuts it, which is never a reason to run {@link #walk}
   */
  public record Distances(SqlStatement query, int cut) {
    public Distances {
      Objects.requireNonNull(query, "query");
    }

    /**
     * Whether a row whose longest walk is {@code longest} events shows the walks were cut: a
     * walk of {@code cut - 1} events may have gone on to a node of a kind not read here.
     */
    public boolean wasCut(int longest) {
      return cut > 0 && longest >= cut - 1;
    }
  }

  /**
   * The walk as one query for its start nodes and then one query per hop over the frontier,
   * for servers without recursive queries (MySQL 5.7, MariaDB before 10.2.2).
   *
   * @param starts the start nodes: {@code kind, id}, then the flags of {@link #walk}'s node rows
   *     from the first stop set on
   * @param fromArtifacts the step from a frontier of artifacts
   * @param fromExecutions the step from a frontier of executions
   */
  public record HopByHop(SqlStatement starts, Step fromArtifacts, Step fromExecutions) {
    public HopByHop {
      Objects.requireNonNull(starts, "starts");
      Objects.requireNonNull(fromArtifacts, "fromArtifacts");
      Objects.requireNonNull(fromExecutions, "fromExecutions");
    }
  }

  /**
   * One hop from a frontier of nodes of one kind: the query is {@code before}, then one
   * {@code ?} per frontier node separated by commas, then {@code after}; its parameters are
   * {@code beforeParameters}, the frontier's ids, then {@code afterParameters}. Its rows are the
   * events the walk follows from the frontier, {@code id, artifact_id, execution_id, type}, then
   * the flags of {@link #walk}'s node rows from the first stop set on, for the node at the other
   * end.
   */
  public record Step(String before, List<Object> beforeParameters, String after,
      List<Object> afterParameters) {
    public Step {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      beforeParameters = Collections.unmodifiableList(new ArrayList<>(beforeParameters));
      afterParameters = Collections.unmodifiableList(new ArrayList<>(afterParameters));
    }
  }

  /** The number of columns of the walk's rows. */
  public int columnCount() {
    return 6 + flags();
  }

  /** The number of flag columns after the start flag: one per stop set and filtered output. */
  public int flags() {
    return stopSets.size() + (int) outputs.stream().filter(Output::filtered).count();
  }
}
