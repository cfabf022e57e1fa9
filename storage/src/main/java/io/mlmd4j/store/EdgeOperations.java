package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edge RPCs: events, attributions and associations, parent contexts, and the contexts of a node.
 * Existence checks take one query per batch and table, not two per edge as in MLMD.
 */
public final class EdgeOperations {

  private final EdgeRepository edges;
  private final NodeRepository nodes;

  public EdgeOperations(Connection connection, Dialect dialect) {
    this.edges = new EdgeRepository(connection, dialect);
    this.nodes = new NodeRepository(connection, dialect);
  }

  public PutEventsResponse putEvents(PutEventsRequest request) throws SQLException {
    List<Long> artifacts = new ArrayList<>();
    List<Long> executions = new ArrayList<>();
    for (Event e : request.getEventsList()) {
      checkEvent(e);
      artifacts.add(e.getArtifactId());
      executions.add(e.getExecutionId());
    }
    edges.requireExisting("Artifact", artifacts, "artifact");
    edges.requireExisting("Execution", executions, "execution");
    edges.insertEvents(request.getEventsList(), System.currentTimeMillis());
    return PutEventsResponse.getDefaultInstance();
  }

  /** An event to store needs both ends and a type. */
  static void checkEvent(Event e) {
    if (!e.hasArtifactId()) {
      throw MlmdException.invalidArgument("No artifact id is specified in event %s",
          e.toString().trim());
    }
    if (!e.hasExecutionId()) {
      throw MlmdException.invalidArgument("No execution id is specified in event %s",
          e.toString().trim());
    }
    if (e.getType() == Event.Type.UNKNOWN) {
      throw MlmdException.invalidArgument("No event type is specified in event %s",
          e.toString().trim());
    }
  }

  public GetEventsByExecutionIDsResponse getEventsByExecutionIDs(
      GetEventsByExecutionIDsRequest request) throws SQLException {
    return GetEventsByExecutionIDsResponse.newBuilder().addAllEvents(
        edges.events("execution_id", request.getExecutionIdsList())).build();
  }

  public GetEventsByArtifactIDsResponse getEventsByArtifactIDs(
      GetEventsByArtifactIDsRequest request) throws SQLException {
    return GetEventsByArtifactIDsResponse.newBuilder().addAllEvents(
        edges.events("artifact_id", request.getArtifactIdsList())).build();
  }

  public PutAttributionsAndAssociationsResponse putAttributionsAndAssociations(
      PutAttributionsAndAssociationsRequest request) throws SQLException {
    List<Long> contexts = new ArrayList<>();
    List<Long> artifacts = new ArrayList<>();
    List<Long> executions = new ArrayList<>();
    List<long[]> attributions = new ArrayList<>();
    List<long[]> associations = new ArrayList<>();
    for (Attribution a : request.getAttributionsList()) {
      contexts.add(a.getContextId());
      artifacts.add(a.getArtifactId());
      attributions.add(new long[] {a.getContextId(), a.getArtifactId()});
    }
    for (Association a : request.getAssociationsList()) {
      contexts.add(a.getContextId());
      executions.add(a.getExecutionId());
      associations.add(new long[] {a.getContextId(), a.getExecutionId()});
    }
    edges.requireExisting("Context", contexts, "context");
    edges.requireExisting("Artifact", artifacts, "artifact");
    edges.requireExisting("Execution", executions, "execution");
    edges.link("Attribution", "artifact_id", attributions);
    edges.link("Association", "execution_id", associations);
    return PutAttributionsAndAssociationsResponse.getDefaultInstance();
  }

  /**
   * Adds parent links; each must keep the context graph acyclic, counting the links added
   * earlier in the same request. A link that exists already is ALREADY_EXISTS.
   */
  public PutParentContextsResponse putParentContexts(PutParentContextsRequest request)
      throws SQLException {
    Set<Long> ids = new HashSet<>();
    List<long[]> links = new ArrayList<>();
    for (ParentContext p : request.getParentContextsList()) {
      if (!p.hasChildId() || !p.hasParentId()) {
        throw MlmdException.invalidArgument("ParentContext %s needs both child_id and parent_id",
            p.toString().trim());
      }
      ids.add(p.getChildId());
      ids.add(p.getParentId());
      links.add(new long[] {p.getChildId(), p.getParentId()});
    }
    edges.requireExisting("Context", ids, "context");
    Map<Long, List<Long>> added = new HashMap<>();
    for (long[] link : links) {
      if (reaches(link[1], link[0], added)) {
        throw MlmdException.invalidArgument("There is a cycle detected: linking context %d to"
            + " parent %d makes %d its own ancestor", link[0], link[1], link[0]);
      }
      added.computeIfAbsent(link[0], k -> new ArrayList<>()).add(link[1]);
    }
    edges.insertParentContexts(links);
    return PutParentContextsResponse.getDefaultInstance();
  }

  /**
   * True when walking up from {@code from} through stored parents and {@code added} ones
   * reaches {@code target} (or {@code from} is the target: a context is not its own parent).
   * One query per generation of ancestors.
   */
  private boolean reaches(long from, long target, Map<Long, List<Long>> added)
      throws SQLException {
    Set<Long> seen = new HashSet<>();
    Deque<Long> frontier = new ArrayDeque<>(List.of(from));
    while (!frontier.isEmpty()) {
      List<Long> level = new ArrayList<>();
      for (Long id : frontier) {
        if (id == target) {
          return true;
        }
        if (seen.add(id)) {
          level.add(id);
        }
      }
      frontier.clear();
      Map<Long, List<Long>> stored = edges.relatives(level, true);
      for (Long id : level) {
        frontier.addAll(stored.getOrDefault(id, List.of()));
        frontier.addAll(added.getOrDefault(id, List.of()));
      }
    }
    return false;
  }

  public GetContextsByArtifactResponse getContextsByArtifact(GetContextsByArtifactRequest request)
      throws SQLException {
    List<Context> contexts = linkedContexts("Attribution", "artifact_id",
        request.getArtifactId(), "artifact");
    return GetContextsByArtifactResponse.newBuilder().addAllContexts(contexts).build();
  }

  public GetContextsByExecutionResponse getContextsByExecution(
      GetContextsByExecutionRequest request) throws SQLException {
    List<Context> contexts = linkedContexts("Association", "execution_id",
        request.getExecutionId(), "execution");
    return GetContextsByExecutionResponse.newBuilder().addAllContexts(contexts).build();
  }

  /** The contexts linked to a node; NOT_FOUND when there are none, as in MLMD. */
  private List<Context> linkedContexts(String table, String column, long id, String what)
      throws SQLException {
    List<Context> contexts = nodes.where(NodeAdapter.CONTEXT, "n.id IN (SELECT context_id FROM "
        + table + " WHERE " + column + " = ?)", List.of(id));
    if (contexts.isEmpty()) {
      throw MlmdException.notFound("No contexts found for %s id %d", what, id);
    }
    return contexts;
  }

  public GetParentContextsByContextResponse getParentContextsByContext(
      GetParentContextsByContextRequest request) throws SQLException {
    return GetParentContextsByContextResponse.newBuilder().addAllContexts(
        relatives(List.of(request.getContextId()), true).getOrDefault(request.getContextId(),
            List.of())).build();
  }

  public GetChildrenContextsByContextResponse getChildrenContextsByContext(
      GetChildrenContextsByContextRequest request) throws SQLException {
    return GetChildrenContextsByContextResponse.newBuilder().addAllContexts(
        relatives(List.of(request.getContextId()), false).getOrDefault(request.getContextId(),
            List.of())).build();
  }

  public GetParentContextsByContextsResponse getParentContextsByContexts(
      GetParentContextsByContextsRequest request) throws SQLException {
    GetParentContextsByContextsResponse.Builder r = GetParentContextsByContextsResponse
        .newBuilder();
    relatives(nonEmpty(request.getContextIdsList()), true).forEach((child, parents) ->
        r.putContexts(child, GetParentContextsByContextsResponse.ParentContextsPerChild
            .newBuilder().addAllParentContexts(parents).build()));
    return r.build();
  }

  public GetChildrenContextsByContextsResponse getChildrenContextsByContexts(
      GetChildrenContextsByContextsRequest request) throws SQLException {
    GetChildrenContextsByContextsResponse.Builder r = GetChildrenContextsByContextsResponse
        .newBuilder();
    relatives(nonEmpty(request.getContextIdsList()), false).forEach((parent, children) ->
        r.putContexts(parent, GetChildrenContextsByContextsResponse.ChildrenContextsPerParent
            .newBuilder().addAllChildrenContexts(children).build()));
    return r.build();
  }

  private static List<Long> nonEmpty(List<Long> contextIds) {
    if (contextIds.isEmpty()) {
      throw MlmdException.invalidArgument("context_ids must not be empty");
    }
    return contextIds;
  }

  /** For each context that has any, its parents (or children) as contexts in id order. */
  private Map<Long, List<Context>> relatives(List<Long> contextIds, boolean parents)
      throws SQLException {
    Map<Long, List<Long>> links = edges.relatives(contextIds, parents);
    Set<Long> all = new LinkedHashSet<>();
    links.values().forEach(all::addAll);
    Map<Long, Context> contexts = nodes.mapByIds(NodeAdapter.CONTEXT, all);
    Map<Long, List<Context>> result = new java.util.TreeMap<>();
    for (Map.Entry<Long, List<Long>> e : links.entrySet()) {
      List<Context> found = new ArrayList<>();
      for (Long id : e.getValue()) {
        if (contexts.containsKey(id)) {
          found.add(contexts.get(id));
        }
      }
      result.put(e.getKey(), found);
    }
    return result;
  }
}
