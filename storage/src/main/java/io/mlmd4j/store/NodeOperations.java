package io.mlmd4j.store;

import com.google.protobuf.Message;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Node RPCs: put, get by id, type, name, uri, external id and context, and listing with paging.
 *
 * <p>Decisions on MLMD's quirks: a unique violation on update is ALREADY_EXISTS (MLMD: INTERNAL);
 * a custom property without a value is INVALID_ARGUMENT (MLMD stores a row it cannot read
 * back); GetContextsByArtifact/Execution keep MLMD's NOT_FOUND for none; a page asked above 100
 * holds 100 and a token for the rest (MLMD: 101 rows and no token).
 */
public final class NodeOperations {

  /** GetArtifactsByURIRequest's field 1, the singular {@code uri} of clients before 0.21. */
  private static final int DEPRECATED_URI_FIELD = 1;

  private final NodeRepository nodes;
  private final TypeRepository types;
  private final NodeWriter writer;
  private final NodeLister lister;

  public NodeOperations(Connection connection, Dialect dialect) {
    this.nodes = new NodeRepository(connection, dialect);
    this.types = new TypeRepository(connection);
    this.writer = new NodeWriter(nodes, types);
    this.lister = new NodeLister(connection, dialect, nodes);
  }

  public PutArtifactsResponse putArtifacts(PutArtifactsRequest request) throws SQLException {
    if (request.getOptions().getAbortIfLatestUpdatedTimeChanged()) {
      checkUnchangedSinceRead(request.getArtifactsList());
    }
    return PutArtifactsResponse.newBuilder().addAllArtifactIds(writer.upsert(
        NodeAdapter.ARTIFACT, request.getArtifactsList(), request.getUpdateMask(), false))
        .build();
  }

  public PutExecutionsResponse putExecutions(PutExecutionsRequest request) throws SQLException {
    return PutExecutionsResponse.newBuilder().addAllExecutionIds(writer.upsert(
        NodeAdapter.EXECUTION, request.getExecutionsList(), request.getUpdateMask(), false))
        .build();
  }

  public PutContextsResponse putContexts(PutContextsRequest request) throws SQLException {
    return PutContextsResponse.newBuilder().addAllContextIds(writer.upsert(
        NodeAdapter.CONTEXT, request.getContextsList(), request.getUpdateMask(), false)).build();
  }

  /** Optimistic concurrency: each artifact with an id must still have the last-update time read. */
  private void checkUnchangedSinceRead(List<Artifact> artifacts) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (Artifact a : artifacts) {
      if (a.hasId()) {
        ids.add(a.getId());
      }
    }
    Map<Long, Artifact> stored = nodes.mapByIds(NodeAdapter.ARTIFACT, ids);
    for (Artifact a : artifacts) {
      Artifact s = a.hasId() ? stored.get(a.getId()) : null;
      if (s != null
          && s.getLastUpdateTimeSinceEpoch() != a.getLastUpdateTimeSinceEpoch()) {
        throw MlmdException.failedPrecondition("`abort_if_latest_updated_time_changed` is set,"
            + " and the stored artifact with id = %d has a different last_update_time_since_epoch:"
            + " %d from the one in the given artifact: %d", a.getId(),
            s.getLastUpdateTimeSinceEpoch(), a.getLastUpdateTimeSinceEpoch());
      }
    }
  }

  public GetArtifactsResponse getArtifacts(GetArtifactsRequest request) throws SQLException {
    GetArtifactsResponse.Builder r = GetArtifactsResponse.newBuilder();
    NodeLister.Page<Artifact> page = list(NodeAdapter.ARTIFACT, request.hasOptions(),
        request.getOptions(), "1 = 1", List.of());
    r.addAllArtifacts(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetExecutionsResponse getExecutions(GetExecutionsRequest request) throws SQLException {
    GetExecutionsResponse.Builder r = GetExecutionsResponse.newBuilder();
    NodeLister.Page<Execution> page = list(NodeAdapter.EXECUTION, request.hasOptions(),
        request.getOptions(), "1 = 1", List.of());
    r.addAllExecutions(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetContextsResponse getContexts(GetContextsRequest request) throws SQLException {
    GetContextsResponse.Builder r = GetContextsResponse.newBuilder();
    NodeLister.Page<Context> page = list(NodeAdapter.CONTEXT, request.hasOptions(),
        request.getOptions(), "1 = 1", List.of());
    r.addAllContexts(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetArtifactsByIDResponse getArtifactsByID(GetArtifactsByIDRequest request)
      throws SQLException {
    List<Artifact> found = nodes.byIds(NodeAdapter.ARTIFACT, request.getArtifactIdsList());
    GetArtifactsByIDResponse.Builder r = GetArtifactsByIDResponse.newBuilder()
        .addAllArtifacts(found);
    if (request.getPopulateArtifactTypes()) {
      LinkedHashSet<Long> typeIds = new LinkedHashSet<>();
      for (Artifact a : found) {
        typeIds.add(a.getTypeId());
      }
      for (StoredType t : types.byIds(TypeKind.ARTIFACT, typeIds)) {
        r.addArtifactTypes(TypeCodec.toArtifactType(t, false));
      }
    }
    return r.build();
  }

  public GetExecutionsByIDResponse getExecutionsByID(GetExecutionsByIDRequest request)
      throws SQLException {
    return GetExecutionsByIDResponse.newBuilder().addAllExecutions(
        nodes.byIds(NodeAdapter.EXECUTION, request.getExecutionIdsList())).build();
  }

  public GetContextsByIDResponse getContextsByID(GetContextsByIDRequest request)
      throws SQLException {
    return GetContextsByIDResponse.newBuilder().addAllContexts(
        nodes.byIds(NodeAdapter.CONTEXT, request.getContextIdsList())).build();
  }

  public GetArtifactsByTypeResponse getArtifactsByType(GetArtifactsByTypeRequest request)
      throws SQLException {
    GetArtifactsByTypeResponse.Builder r = GetArtifactsByTypeResponse.newBuilder();
    NodeLister.Page<Artifact> page = listOfType(NodeAdapter.ARTIFACT, request.getTypeName(),
        request.getTypeVersion(), request.hasOptions(), request.getOptions());
    r.addAllArtifacts(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetExecutionsByTypeResponse getExecutionsByType(GetExecutionsByTypeRequest request)
      throws SQLException {
    GetExecutionsByTypeResponse.Builder r = GetExecutionsByTypeResponse.newBuilder();
    NodeLister.Page<Execution> page = listOfType(NodeAdapter.EXECUTION, request.getTypeName(),
        request.getTypeVersion(), request.hasOptions(), request.getOptions());
    r.addAllExecutions(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetContextsByTypeResponse getContextsByType(GetContextsByTypeRequest request)
      throws SQLException {
    GetContextsByTypeResponse.Builder r = GetContextsByTypeResponse.newBuilder();
    NodeLister.Page<Context> page = listOfType(NodeAdapter.CONTEXT, request.getTypeName(),
        request.getTypeVersion(), request.hasOptions(), request.getOptions());
    r.addAllContexts(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetArtifactByTypeAndNameResponse getArtifactByTypeAndName(
      GetArtifactByTypeAndNameRequest request) throws SQLException {
    GetArtifactByTypeAndNameResponse.Builder r = GetArtifactByTypeAndNameResponse.newBuilder();
    byTypeAndName(NodeAdapter.ARTIFACT, request.getTypeName(), request.getTypeVersion(),
        request.getArtifactName()).forEach(r::setArtifact);
    return r.build();
  }

  public GetExecutionByTypeAndNameResponse getExecutionByTypeAndName(
      GetExecutionByTypeAndNameRequest request) throws SQLException {
    GetExecutionByTypeAndNameResponse.Builder r = GetExecutionByTypeAndNameResponse.newBuilder();
    byTypeAndName(NodeAdapter.EXECUTION, request.getTypeName(), request.getTypeVersion(),
        request.getExecutionName()).forEach(r::setExecution);
    return r.build();
  }

  public GetContextByTypeAndNameResponse getContextByTypeAndName(
      GetContextByTypeAndNameRequest request) throws SQLException {
    GetContextByTypeAndNameResponse.Builder r = GetContextByTypeAndNameResponse.newBuilder();
    byTypeAndName(NodeAdapter.CONTEXT, request.getTypeName(), request.getTypeVersion(),
        request.getContextName()).forEach(r::setContext);
    return r.build();
  }

  private <M extends Message> List<M> byTypeAndName(NodeAdapter<M> a, String typeName,
      String typeVersion, String name) throws SQLException {
    StoredType type = types.byName(a.kind.typeKind, typeName, typeVersion);
    if (type == null) {
      return List.of();
    }
    return nodes.where(a, "n.type_id = ? AND n.name = ?", List.of(type.id(), name));
  }

  public GetArtifactsByURIResponse getArtifactsByURI(GetArtifactsByURIRequest request)
      throws SQLException {
    if (request.getUnknownFields().hasField(DEPRECATED_URI_FIELD)) {
      throw MlmdException.invalidArgument("The request contains deprecated field `uri`. Please"
          + " upgrade the client library version above 0.21.0. GetArtifactsByURIRequest: %s",
          request);
    }
    return GetArtifactsByURIResponse.newBuilder().addAllArtifacts(
        nodes.whereIn(NodeAdapter.ARTIFACT, "uri", request.getUrisList())).build();
  }

  public GetArtifactsByExternalIdsResponse getArtifactsByExternalIds(
      GetArtifactsByExternalIdsRequest request) throws SQLException {
    return GetArtifactsByExternalIdsResponse.newBuilder().addAllArtifacts(
        byExternalIds(NodeAdapter.ARTIFACT, request.getExternalIdsList())).build();
  }

  public GetExecutionsByExternalIdsResponse getExecutionsByExternalIds(
      GetExecutionsByExternalIdsRequest request) throws SQLException {
    return GetExecutionsByExternalIdsResponse.newBuilder().addAllExecutions(
        byExternalIds(NodeAdapter.EXECUTION, request.getExternalIdsList())).build();
  }

  public GetContextsByExternalIdsResponse getContextsByExternalIds(
      GetContextsByExternalIdsRequest request) throws SQLException {
    return GetContextsByExternalIdsResponse.newBuilder().addAllContexts(
        byExternalIds(NodeAdapter.CONTEXT, request.getExternalIdsList())).build();
  }

  private <M extends Message> List<M> byExternalIds(NodeAdapter<M> a, List<String> externalIds)
      throws SQLException {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    TypeOperations.checkExternalIds(externalIds);
    List<M> found = nodes.whereIn(a, "external_id", externalIds);
    if (found.isEmpty()) {
      throw MlmdException.notFound("No %ss found for external ids %s", a.kind.label(),
          externalIds);
    }
    return found;
  }

  public GetArtifactsByContextResponse getArtifactsByContext(GetArtifactsByContextRequest request)
      throws SQLException {
    GetArtifactsByContextResponse.Builder r = GetArtifactsByContextResponse.newBuilder();
    NodeLister.Page<Artifact> page = list(NodeAdapter.ARTIFACT, request.hasOptions(),
        request.getOptions(),
        "n.id IN (SELECT artifact_id FROM Attribution WHERE context_id = ?)",
        List.of(request.getContextId()));
    r.addAllArtifacts(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  public GetExecutionsByContextResponse getExecutionsByContext(
      GetExecutionsByContextRequest request) throws SQLException {
    GetExecutionsByContextResponse.Builder r = GetExecutionsByContextResponse.newBuilder();
    NodeLister.Page<Execution> page = list(NodeAdapter.EXECUTION, request.hasOptions(),
        request.getOptions(),
        "n.id IN (SELECT execution_id FROM Association WHERE context_id = ?)",
        List.of(request.getContextId()));
    r.addAllExecutions(page.nodes());
    if (request.hasOptions()) {
      r.setNextPageToken(page.nextPageToken());
    }
    return r.build();
  }

  /** All candidates in id order without options; one page of them with options. */
  /** The nodes of a type (none when the type is unknown), listed as {@link #list} does. */
  private <M extends Message> NodeLister.Page<M> listOfType(NodeAdapter<M> a, String typeName,
      String typeVersion, boolean paged, ListOperationOptions options) throws SQLException {
    StoredType type = types.byName(a.kind.typeKind, typeName, typeVersion);
    return type == null ? new NodeLister.Page<>(List.of(), "")
        : list(a, paged, options, "n.type_id = ?", List.of(type.id()));
  }

  private <M extends Message> NodeLister.Page<M> list(NodeAdapter<M> a, boolean paged,
      ListOperationOptions options, String candidates, List<?> params) throws SQLException {
    if (!paged) {
      return new NodeLister.Page<>(nodes.where(a, candidates, params), "");
    }
    return lister.list(a, options, candidates, params);
  }
}
