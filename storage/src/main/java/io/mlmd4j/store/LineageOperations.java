package io.mlmd4j.store;

import com.google.protobuf.FieldMask;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.SqlTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RPCs that write or read a piece of lineage at once: PutExecution (one step with its
 * artifacts, events and contexts), PutLineageSubgraph (a whole subgraph), and the lineage reads.
 * Each node kind is upserted in one batch and the links in one batch per table, so a step costs
 * a fixed number of round trips whatever its size (MLMD: several per node and per link).
 *
 * <p>Decisions on MLMD's quirks: {@code reuse_context_if_already_exist} reuses a context without
 * updating it, as MLMD; an empty artifact-event pair answers -1 as in MLMD but gets no
 * attribution (MLMD attributes artifact -1); an event naming an artifact that does not exist is
 * INVALID_ARGUMENT (MLMD stores it dangling).
 */
public final class LineageOperations {

  private final Connection connection;
  private final Dialect dialect;
  private final EdgeRepository edges;
  private final NodeRepository nodes;
  private final NodeWriter writer;

  public LineageOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
    this.edges = new EdgeRepository(connection, dialect);
    this.nodes = new NodeRepository(connection, dialect);
    this.writer = new NodeWriter(nodes, new TypeRepository(connection));
  }

  public PutExecutionResponse putExecution(PutExecutionRequest request) throws SQLException {
    if (!request.hasExecution()) {
      throw MlmdException.invalidArgument("No execution is found: %s", request);
    }
    PutExecutionRequest.Options options = request.getOptions();
    List<Artifact> artifacts = new ArrayList<>();
    for (PutExecutionRequest.ArtifactAndEvent pair : request.getArtifactEventPairsList()) {
      if (pair.hasArtifact()) {
        artifacts.add(pair.getArtifact());
      }
    }
    List<Long> artifactIds = upsertArtifacts(artifacts,
        options.getReuseArtifactIfAlreadyExistByExternalId());
    long executionId = writer.upsert(NodeAdapter.EXECUTION, List.of(request.getExecution()),
        FieldMask.getDefaultInstance(), options.getForceUpdateTime()).get(0);

    PutExecutionResponse.Builder response = PutExecutionResponse.newBuilder()
        .setExecutionId(executionId);
    List<Event> events = new ArrayList<>();
    Set<Long> eventOnlyArtifacts = new LinkedHashSet<>();
    int nextArtifact = 0;
    for (PutExecutionRequest.ArtifactAndEvent pair : request.getArtifactEventPairsList()) {
      Long artifactId = pair.hasArtifact() ? artifactIds.get(nextArtifact++) : null;
      if (pair.hasEvent()) {
        Event e = pair.getEvent();
        if (e.hasExecutionId() && e.getExecutionId() != executionId) {
          throw MlmdException.invalidArgument("Request's event.execution_id %d does not match"
              + " the execution id %d", e.getExecutionId(), executionId);
        }
        if (artifactId != null && e.hasArtifactId() && e.getArtifactId() != artifactId) {
          throw MlmdException.invalidArgument("Request's event.artifact_id %d does not match"
              + " the artifact id %d of its pair", e.getArtifactId(), artifactId);
        }
        if (artifactId == null) {
          if (!e.hasArtifactId()) {
            throw MlmdException.invalidArgument("An event without an artifact in its pair needs"
                + " artifact_id: %s", e.toString().trim());
          }
          artifactId = e.getArtifactId();
          eventOnlyArtifacts.add(artifactId);
        }
        Event full = e.toBuilder().setExecutionId(executionId).setArtifactId(artifactId).build();
        EdgeOperations.checkEvent(full);
        events.add(full);
      }
      response.addArtifactIds(artifactId == null ? -1 : artifactId);
    }
    edges.requireExisting("Artifact", eventOnlyArtifacts, "artifact");
    edges.insertEvents(events, System.currentTimeMillis());

    List<Long> contextIds = upsertContexts(request.getContextsList(),
        options.getReuseContextIfAlreadyExist(), options.getForceReuseContext());
    response.addAllContextIds(contextIds);
    Set<Long> attributed = new LinkedHashSet<>();
    for (long id : response.getArtifactIdsList()) {
      if (id != -1) {
        attributed.add(id);
      }
    }
    link(contextIds, attributed, List.of(executionId));
    return response.build();
  }

  public PutLineageSubgraphResponse putLineageSubgraph(PutLineageSubgraphRequest request)
      throws SQLException {
    checkEdges(request);
    requireTypeIds(request);
    PutLineageSubgraphRequest.Options options = request.getOptions();
    List<Long> contextIds = upsertContexts(request.getContextsList(),
        options.getReuseContextIfAlreadyExist(), false);
    List<Long> artifactIds = upsertArtifacts(request.getArtifactsList(),
        options.getReuseArtifactIfAlreadyExistByExternalId());
    List<Long> executionIds = writer.upsert(NodeAdapter.EXECUTION, request.getExecutionsList(),
        FieldMask.getDefaultInstance(), false);
    link(contextIds, new LinkedHashSet<>(artifactIds), executionIds);

    List<Event> events = new ArrayList<>();
    for (PutLineageSubgraphRequest.EventEdge edge : request.getEventEdgesList()) {
      Event.Builder e = edge.getEvent().toBuilder();
      if (edge.hasExecutionIndex()) {
        e.setExecutionId(executionIds.get(edge.getExecutionIndex()));
      }
      if (edge.hasArtifactIndex()) {
        e.setArtifactId(artifactIds.get(edge.getArtifactIndex()));
      }
      EdgeOperations.checkEvent(e.build());
      events.add(e.build());
    }
    Set<Long> artifactEnds = new LinkedHashSet<>();
    Set<Long> executionEnds = new LinkedHashSet<>();
    for (Event e : events) {
      artifactEnds.add(e.getArtifactId());
      executionEnds.add(e.getExecutionId());
    }
    edges.requireExisting("Artifact", artifactEnds, "artifact");
    edges.requireExisting("Execution", executionEnds, "execution");
    edges.insertEvents(events, System.currentTimeMillis());
    return PutLineageSubgraphResponse.newBuilder().addAllExecutionIds(executionIds)
        .addAllArtifactIds(artifactIds).addAllContextIds(contextIds).build();
  }

  /** MLMD's deprecated call, which MLMD itself no longer implements. */
  public GetLineageGraphResponse getLineageGraph(GetLineageGraphRequest request) {
    throw MlmdException.unimplemented("GetLineageGraph is deprecated and not implemented, as in"
        + " MLMD; use GetLineageSubgraph");
  }

  /**
   * @param target the database as the planner sees it: the walk is one recursive query where
   *     it allows them, a query per hop otherwise
   */
  public GetLineageSubgraphResponse getLineageSubgraph(GetLineageSubgraphRequest request,
      SqlTarget target) throws SQLException {
    return GetLineageSubgraphResponse.newBuilder().setLineageSubgraph(
        new LineageSubgraphQuery(connection, dialect, target,
            request.getLineageSubgraphQueryOptions()).run(request.getReadMask())).build();
  }

  /** MLMD's edge checks: an event, both ends by index or id, indices in range, ids agreeing. */
  private static void checkEdges(PutLineageSubgraphRequest request) {
    for (PutLineageSubgraphRequest.EventEdge edge : request.getEventEdgesList()) {
      if (!edge.hasEvent()) {
        throw MlmdException.invalidArgument("No event found for event_edge: %s",
            edge.toString().trim());
      }
      Event e = edge.getEvent();
      if (!edge.hasExecutionIndex() && !e.hasExecutionId()) {
        throw MlmdException.invalidArgument("No execution index or execution id found for"
            + " event_edge: %s", edge.toString().trim());
      }
      if (!edge.hasArtifactIndex() && !e.hasArtifactId()) {
        throw MlmdException.invalidArgument("No artifact index or artifact id found for"
            + " event_edge: %s", edge.toString().trim());
      }
      if (edge.hasExecutionIndex()) {
        checkIndex(edge.getExecutionIndex(), request.getExecutionsCount(), "execution", edge);
        Execution x = request.getExecutions(edge.getExecutionIndex());
        if (e.hasExecutionId() && (!x.hasId() || x.getId() != e.getExecutionId())) {
          throw MlmdException.invalidArgument("The event's execution_id %d does not match the"
              + " execution at execution_index %d of event_edge: %s", e.getExecutionId(),
              edge.getExecutionIndex(), edge.toString().trim());
        }
      }
      if (edge.hasArtifactIndex()) {
        checkIndex(edge.getArtifactIndex(), request.getArtifactsCount(), "artifact", edge);
        Artifact a = request.getArtifacts(edge.getArtifactIndex());
        if (e.hasArtifactId() && (!a.hasId() || a.getId() != e.getArtifactId())) {
          throw MlmdException.invalidArgument("The event's artifact_id %d does not match the"
              + " artifact at artifact_index %d of event_edge: %s", e.getArtifactId(),
              edge.getArtifactIndex(), edge.toString().trim());
        }
      }
    }
  }

  private static void checkIndex(int index, int size, String what,
      PutLineageSubgraphRequest.EventEdge edge) {
    if (index < 0 || index >= size) {
      throw new MlmdException(MlmdException.Code.OUT_OF_RANGE, String.format("%s_index %d is"
          + " outside the %d %ss of the request, in event_edge: %s", what, index, size, what,
          edge.toString().trim()));
    }
  }

  /** PutLineageSubgraph wants every node's type id, updates included. */
  private static void requireTypeIds(PutLineageSubgraphRequest request) {
    boolean missing = request.getArtifactsList().stream().anyMatch(a -> !a.hasTypeId())
        || request.getExecutionsList().stream().anyMatch(x -> !x.hasTypeId())
        || request.getContextsList().stream().anyMatch(c -> !c.hasTypeId());
    if (missing) {
      throw MlmdException.invalidArgument("Type id is missing.");
    }
  }

  /**
   * Upserts artifacts in one batch. With {@code reuseByExternalId}, an artifact without id whose
   * external id is stored (or was given earlier in the same request) updates that artifact.
   */
  private List<Long> upsertArtifacts(List<Artifact> artifacts, boolean reuseByExternalId)
      throws SQLException {
    if (!reuseByExternalId) {
      return writer.upsert(NodeAdapter.ARTIFACT, artifacts, FieldMask.getDefaultInstance(),
          false);
    }
    Set<String> externalIds = new LinkedHashSet<>();
    for (Artifact a : artifacts) {
      if (!a.hasId() && !a.getExternalId().isEmpty()) {
        externalIds.add(a.getExternalId());
      }
    }
    Map<String, Long> stored = nodes.idsByExternalId(NodeKind.ARTIFACT, externalIds);
    // First pass: stored external ids become updates; the first new one of each is inserted.
    List<Artifact> first = new ArrayList<>();
    List<Integer> repeats = new ArrayList<>();
    Set<String> inserting = new LinkedHashSet<>();
    for (int i = 0; i < artifacts.size(); i++) {
      Artifact a = artifacts.get(i);
      String key = a.hasId() ? "" : a.getExternalId();
      if (!key.isEmpty() && stored.containsKey(key)) {
        first.add(a.toBuilder().setId(stored.get(key)).build());
      } else if (!key.isEmpty() && !inserting.add(key)) {
        repeats.add(i);
        first.add(null);
      } else {
        first.add(a);
      }
    }
    List<Artifact> batch = new ArrayList<>();
    for (Artifact a : first) {
      if (a != null) {
        batch.add(a);
      }
    }
    List<Long> batchIds = writer.upsert(NodeAdapter.ARTIFACT, batch,
        FieldMask.getDefaultInstance(), false);
    List<Long> ids = new ArrayList<>();
    Map<String, Long> byExternalId = new HashMap<>();
    int next = 0;
    for (Artifact a : first) {
      if (a == null) {
        ids.add(null);
        continue;
      }
      long id = batchIds.get(next++);
      ids.add(id);
      if (!a.getExternalId().isEmpty()) {
        byExternalId.put(a.getExternalId(), id);
      }
    }
    // Second pass: repeats of an external id inserted just now update that artifact.
    for (int i : repeats) {
      Artifact a = artifacts.get(i);
      long id = byExternalId.get(a.getExternalId());
      writer.upsert(NodeAdapter.ARTIFACT, List.of(a.toBuilder().setId(id).build()),
          FieldMask.getDefaultInstance(), false);
      ids.set(i, id);
    }
    return ids;
  }

  /**
   * Upserts contexts, MLMD's way. With {@code forceReuse}, a context with an id is only checked
   * to exist (NOT_FOUND) and left as it is. With {@code reuseExisting}, a context without id
   * whose (type, name) is stored is reused as it is stored. Others are upserted in one batch;
   * inserting a stored one is ALREADY_EXISTS, or ABORTED when reuse was asked for (another
   * writer created it since the lookup: retry).
   */
  private List<Long> upsertContexts(List<Context> contexts, boolean reuseExisting,
      boolean forceReuse) throws SQLException {
    Long[] ids = new Long[contexts.size()];
    Set<Long> mustExist = new LinkedHashSet<>();
    Map<String, Long> storedByKey = reuseExisting ? storedContextKeys(contexts) : Map.of();
    List<Context> batch = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < contexts.size(); i++) {
      Context c = contexts.get(i);
      if (c.hasId() && forceReuse) {
        mustExist.add(c.getId());
        ids[i] = c.getId();
        continue;
      }
      if (!c.hasId() && reuseExisting) {
        if (!c.hasTypeId() || c.getName().isEmpty()) {
          throw MlmdException.invalidArgument("A context to reuse needs type_id and name: %s",
              c.toString().trim());
        }
        Long stored = storedByKey.get(NodeRepository.typeAndName(c.getTypeId(), c.getName()));
        if (stored != null) {
          ids[i] = stored;
          continue;
        }
      }
      batch.add(c);
      positions.add(i);
    }
    Set<Long> existing = edges.existing("Context", mustExist);
    for (Long id : mustExist) {
      if (!existing.contains(id)) {
        throw MlmdException.notFound("Context with id %d is not found (force_reuse_context)", id);
      }
    }
    List<Long> upserted;
    try {
      upserted = writer.upsert(NodeAdapter.CONTEXT, batch, FieldMask.getDefaultInstance(), false);
    } catch (SQLException e) {
      if (reuseExisting && dialect.isUniqueViolation(e)) {
        throw new MlmdException(MlmdException.Code.ABORTED, "A context was created by another"
            + " writer while this call was reusing contexts; retry: " + e.getMessage(), e);
      }
      throw e;
    }
    for (int i = 0; i < upserted.size(); i++) {
      ids[positions.get(i)] = upserted.get(i);
    }
    return List.of(ids);
  }

  /** (type id, name) keys of the stored contexts that the request names, to their ids. */
  private Map<String, Long> storedContextKeys(List<Context> contexts) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    for (Context c : contexts) {
      if (!c.hasId() && !c.getName().isEmpty()) {
        names.add(c.getName());
      }
    }
    return nodes.contextIdsByTypeAndName(names);
  }

  /** Attributes every artifact and associates every execution with every context. */
  private void link(List<Long> contextIds, Set<Long> artifactIds, List<Long> executionIds)
      throws SQLException {
    List<long[]> attributions = new ArrayList<>();
    List<long[]> associations = new ArrayList<>();
    for (long context : new LinkedHashSet<>(contextIds)) {
      for (long artifact : artifactIds) {
        attributions.add(new long[] {context, artifact});
      }
      for (long execution : new LinkedHashSet<>(executionIds)) {
        associations.add(new long[] {context, execution});
      }
    }
    edges.link("Attribution", "artifact_id", attributions);
    edges.link("Association", "execution_id", associations);
  }
}
