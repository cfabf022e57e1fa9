package io.mlmd4j;

import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.GetArtifactByTypeAndNameRequest;
import io.mlmd4j.proto.GetArtifactByTypeAndNameResponse;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetArtifactTypeResponse;
import io.mlmd4j.proto.GetArtifactTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetArtifactTypesByExternalIdsResponse;
import io.mlmd4j.proto.GetArtifactTypesByIDRequest;
import io.mlmd4j.proto.GetArtifactTypesByIDResponse;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetArtifactTypesResponse;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByContextResponse;
import io.mlmd4j.proto.GetArtifactsByExternalIdsRequest;
import io.mlmd4j.proto.GetArtifactsByExternalIdsResponse;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsByIDResponse;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsByTypeResponse;
import io.mlmd4j.proto.GetArtifactsByURIRequest;
import io.mlmd4j.proto.GetArtifactsByURIResponse;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetArtifactsResponse;
import io.mlmd4j.proto.GetChildrenContextsByContextRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextResponse;
import io.mlmd4j.proto.GetChildrenContextsByContextsRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextsResponse;
import io.mlmd4j.proto.GetContextByTypeAndNameRequest;
import io.mlmd4j.proto.GetContextByTypeAndNameResponse;
import io.mlmd4j.proto.GetContextTypeRequest;
import io.mlmd4j.proto.GetContextTypeResponse;
import io.mlmd4j.proto.GetContextTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetContextTypesByExternalIdsResponse;
import io.mlmd4j.proto.GetContextTypesByIDRequest;
import io.mlmd4j.proto.GetContextTypesByIDResponse;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetContextTypesResponse;
import io.mlmd4j.proto.GetContextsByArtifactRequest;
import io.mlmd4j.proto.GetContextsByArtifactResponse;
import io.mlmd4j.proto.GetContextsByExecutionRequest;
import io.mlmd4j.proto.GetContextsByExecutionResponse;
import io.mlmd4j.proto.GetContextsByExternalIdsRequest;
import io.mlmd4j.proto.GetContextsByExternalIdsResponse;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.GetContextsByIDResponse;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsByTypeResponse;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetContextsResponse;
import io.mlmd4j.proto.GetEventsByArtifactIDsRequest;
import io.mlmd4j.proto.GetEventsByArtifactIDsResponse;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsResponse;
import io.mlmd4j.proto.GetExecutionByTypeAndNameRequest;
import io.mlmd4j.proto.GetExecutionByTypeAndNameResponse;
import io.mlmd4j.proto.GetExecutionTypeRequest;
import io.mlmd4j.proto.GetExecutionTypeResponse;
import io.mlmd4j.proto.GetExecutionTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetExecutionTypesByExternalIdsResponse;
import io.mlmd4j.proto.GetExecutionTypesByIDRequest;
import io.mlmd4j.proto.GetExecutionTypesByIDResponse;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.GetExecutionTypesResponse;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByContextResponse;
import io.mlmd4j.proto.GetExecutionsByExternalIdsRequest;
import io.mlmd4j.proto.GetExecutionsByExternalIdsResponse;
import io.mlmd4j.proto.GetExecutionsByIDRequest;
import io.mlmd4j.proto.GetExecutionsByIDResponse;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsByTypeResponse;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetExecutionsResponse;
import io.mlmd4j.proto.GetLineageGraphRequest;
import io.mlmd4j.proto.GetLineageGraphResponse;
import io.mlmd4j.proto.GetLineageSubgraphRequest;
import io.mlmd4j.proto.GetLineageSubgraphResponse;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import io.mlmd4j.proto.GetParentContextsByContextResponse;
import io.mlmd4j.proto.GetParentContextsByContextsRequest;
import io.mlmd4j.proto.GetParentContextsByContextsResponse;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactTypeResponse;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutArtifactsResponse;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsResponse;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutContextTypeResponse;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutContextsResponse;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.PutEventsResponse;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionResponse;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutExecutionTypeResponse;
import io.mlmd4j.proto.PutExecutionsRequest;
import io.mlmd4j.proto.PutExecutionsResponse;
import io.mlmd4j.proto.PutLineageSubgraphRequest;
import io.mlmd4j.proto.PutLineageSubgraphResponse;
import io.mlmd4j.proto.PutParentContextsRequest;
import io.mlmd4j.proto.PutParentContextsResponse;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import io.mlmd4j.storage.Cancellation;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.store.EdgeOperations;
import io.mlmd4j.store.LineageOperations;
import io.mlmd4j.store.LqlOperations;
import io.mlmd4j.store.NodeOperations;
import io.mlmd4j.store.TypeOperations;
import io.mlmd4j.store.spi.SqlTarget;
import io.mlmd4j.storage.schema.SchemaManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * An MLMD metadata store: MLMD's {@code MetadataStoreService}, one method per RPC, on MLMD's own
 * protobuf messages. Thread-safe; every call is one transaction that either takes effect whole or
 * leaves no trace, and a call that loses a race to another writer (MLMD's ABORTED) is retried a
 * few times before ABORTED reaches the caller. Close it to release its connections (a fake
 * store's data goes with it). Errors are {@link MlmdException}s carrying MLMD's status code.
 *
 * <p>Where MLMD's C++ implementation has a quirk, mlmd4j copies it when clients can depend on
 * it and fixes it when it loses or corrupts data:
 *
 * <ul>
 *   <li>Copied: GetContextsByArtifact and GetContextsByExecution answer NOT_FOUND for a node
 *       without contexts; Get*ByExternalIds answer NOT_FOUND when no id matches;
 *       reuse_context_if_already_exist reuses a context without updating it; GetLineageGraph is
 *       UNIMPLEMENTED; an update's
 *       last-update time moves when the request differs from the stored node in any field but
 *       type_id, properties and the times (a request without the output-only {@code type}
 *       differs).
 *   <li>Fixed: doubles keep full precision (MLMD rounds to 6 decimals); a unique violation on
 *       update is ALREADY_EXISTS (MLMD: INTERNAL); re-putting a type without external_id keeps
 *       the stored one (MLMD blanks it); an empty artifact-event pair in PutExecution gets no
 *       attribution to artifact -1; an event naming a missing artifact is INVALID_ARGUMENT (MLMD
 *       stores it dangling); a custom property without a value is INVALID_ARGUMENT (MLMD stores
 *       a row it cannot read back); last-update times only move forward, even within one
 *       millisecond; pages continue on (order column, id) exactly, even where ids and times
 *       disagree in order; a page asked larger than 100 holds 100 and a token for the rest
 *       (MLMD returns 101 rows and no token, so paging until the token is empty loses rows); a
 *       value that would not read back (NaN, a struct too deep, a lone surrogate) is
 *       INVALID_ARGUMENT (MLMD: INTERNAL, or stored as {@code ?}), see
 *       {@link #putArtifacts}; a stored value that cannot be read fails with INTERNAL naming the
 *       node and property (MLMD's message names neither); a statement beyond a limit of the
 *       database (SQLite's 500 terms of a compound SELECT, its statement length) is
 *       RESOURCE_EXHAUSTED (MLMD: INTERNAL); a database created on MySQL compares names exactly
 *       (a binary collation without padding: {@code "a "} is neither {@code "a"} nor {@code "A "});
 *       a database created otherwise compares as its collation does (MariaDB's default ignores
 *       case and trailing spaces, MySQL 8's case).
 * </ul>
 */
public final class MetadataStore implements AutoCloseable {

  private final MetadataSource source;
  /** The database as the query planner sees it, read once at open. */
  private final SqlTarget target;

  private MetadataStore(MetadataSource source, SqlTarget target) {
    this.source = source;
    this.target = target;
  }

  /**
   * Opens the store a {@code jdbc:mlmd:} URL names ({@code jdbc:mlmd:fake},
   * {@code jdbc:mlmd:sqlite:<path>}, {@code jdbc:mlmd:mysql://host[:port]/database}), creating
   * MLMD's schema in an empty database.
   *
   * @throws MlmdException INVALID_ARGUMENT for a malformed URL (the message names the bad part);
   *     FAILED_PRECONDITION for a schema older (without {@code enableUpgradeMigration=true}) or
   *     newer than version 10; ABORTED when another process is creating the schema
   */
  public static MetadataStore open(String url) {
    return open(ConnectionUrl.parse(url));
  }

  /** Opens the store MLMD's connection config names, with MLMD's migration options. */
  public static MetadataStore open(ConnectionConfig config, MigrationOptions migration) {
    return open(new ConnectionSettings(config, migration));
  }

  public static MetadataStore open(ConnectionSettings settings) {
    settings.backend(); // refuses an unset config before anything is opened
    MetadataSource source = MetadataSource.open(settings);
    try {
      new SchemaManager(source).open(settings.migration());
      SqlTarget target = source.read(c -> SqlTarget.of(c, source.dialect()));
      return new MetadataStore(source, settings.perHopLineageWalks()
          ? target.withoutRecursiveQueries() : target);
    } catch (RuntimeException e) {
      try {
        source.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Inserts an artifact type, or evolves the stored one of the same (name, version): properties may
   * be added only with {@code can_add_fields}, omitted only with {@code can_omit_fields}, never
   * retyped (ALREADY_EXISTS). Returns the type's id.
   */
  public PutArtifactTypeResponse putArtifactType(PutArtifactTypeRequest request) {
    return source.write(c -> new TypeOperations(c, source.dialect()).putArtifactType(request));
  }

  /** As {@link #putArtifactType}, for execution types. */
  public PutExecutionTypeResponse putExecutionType(PutExecutionTypeRequest request) {
    return source.write(c -> new TypeOperations(c, source.dialect()).putExecutionType(request));
  }

  /** As {@link #putArtifactType}, for context types. */
  public PutContextTypeResponse putContextType(PutContextTypeRequest request) {
    return source.write(c -> new TypeOperations(c, source.dialect()).putContextType(request));
  }

  /**
   * Upserts artifact, execution and context types (in that order) in one transaction: all or none.
   * Identical entries get the same id.
   */
  public PutTypesResponse putTypes(PutTypesRequest request) {
    return source.write(c -> new TypeOperations(c, source.dialect()).putTypes(request));
  }

  /**
   * Inserts artifacts without an id and updates those with one (full replace, or only the {@code
   * update_mask} paths). Ids in the response are aligned with the request. With {@code
   * abort_if_latest_updated_time_changed}, an update whose stored last-update time differs from the
   * request's fails FAILED_PRECONDITION.
   *
   * <p>A value is stored only if it reads back exactly, on every backend alike; else the call
   * fails INVALID_ARGUMENT naming the property and writes nothing: a NaN or infinite double (MLMD
   * stores doubles in a {@code DOUBLE} column, which holds none on MySQL; MLMD's C++ fails on
   * them too), a struct nested deeper than protobuf parses (100 nested messages: 33 levels of
   * structs), a proto without {@code type_url}, and a lone UTF-16 surrogate in any string (of
   * any call: UTF-8 has no form for it). A string longer than its MySQL column (255 characters
   * for a name or external id, 64 KiB for a uri, 16 MiB for a property value) is INVALID_ARGUMENT
   * there; a request beyond the MySQL server's {@code max_allowed_packet} is RESOURCE_EXHAUSTED.
   */
  public PutArtifactsResponse putArtifacts(PutArtifactsRequest request) {
    return source.write(c -> new NodeOperations(c, source.dialect()).putArtifacts(request));
  }

  /** As {@link #putArtifacts}, for executions. */
  public PutExecutionsResponse putExecutions(PutExecutionsRequest request) {
    return source.write(c -> new NodeOperations(c, source.dialect()).putExecutions(request));
  }

  /**
   * Inserts events with their paths; both ends must exist (INVALID_ARGUMENT) and an (artifact,
   * execution, type) triple may be stored once (ALREADY_EXISTS).
   */
  public PutEventsResponse putEvents(PutEventsRequest request) {
    return source.write(c -> new EdgeOperations(c, source.dialect()).putEvents(request));
  }

  /**
   * Records one step: upserts its artifacts, the execution, the events between them, its contexts,
   * and attributes and associates them, all in one transaction.
   */
  public PutExecutionResponse putExecution(PutExecutionRequest request) {
    return source.write(c -> new LineageOperations(c, source.dialect()).putExecution(request));
  }

  /**
   * Upserts a whole subgraph (executions, artifacts, contexts, events by index or id) in one
   * transaction; every context gets every artifact and execution.
   */
  public PutLineageSubgraphResponse putLineageSubgraph(PutLineageSubgraphRequest request) {
    return source.write(c -> new LineageOperations(c, source.dialect())
        .putLineageSubgraph(request));
  }

  /** As {@link #putArtifacts}, for contexts (a context's name is required and may change). */
  public PutContextsResponse putContexts(PutContextsRequest request) {
    return source.write(c -> new NodeOperations(c, source.dialect()).putContexts(request));
  }

  /**
   * Links artifacts and executions to contexts; links that exist already are kept (not an error).
   * Both ends must exist.
   */
  public PutAttributionsAndAssociationsResponse putAttributionsAndAssociations(
      PutAttributionsAndAssociationsRequest request) {
    return source.write(c -> new EdgeOperations(c, source.dialect())
        .putAttributionsAndAssociations(request));
  }

  /**
   * Adds parent-child links between contexts; a duplicate is ALREADY_EXISTS, a cycle
   * INVALID_ARGUMENT.
   */
  public PutParentContextsResponse putParentContexts(PutParentContextsRequest request) {
    return source.write(c -> new EdgeOperations(c, source.dialect()).putParentContexts(request));
  }

  /** The artifact type of that name and version; NOT_FOUND when there is none. */
  public GetArtifactTypeResponse getArtifactType(GetArtifactTypeRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getArtifactType(request));
  }

  /** The artifact types with those ids; unknown ids are skipped. */
  public GetArtifactTypesByIDResponse getArtifactTypesByID(GetArtifactTypesByIDRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getArtifactTypesByID(request));
  }

  /** Every artifact type except MLMD's built-in simple types, in id order. */
  public GetArtifactTypesResponse getArtifactTypes(GetArtifactTypesRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getArtifactTypes(request));
  }

  /** As {@link #getArtifactType}, for execution types. */
  public GetExecutionTypeResponse getExecutionType(GetExecutionTypeRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getExecutionType(request));
  }

  /** As {@link #getArtifactTypesByID}, for execution types. */
  public GetExecutionTypesByIDResponse getExecutionTypesByID(GetExecutionTypesByIDRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getExecutionTypesByID(request));
  }

  /** As {@link #getArtifactTypes}, for execution types. */
  public GetExecutionTypesResponse getExecutionTypes(GetExecutionTypesRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getExecutionTypes(request));
  }

  /** As {@link #getArtifactType}, for context types. */
  public GetContextTypeResponse getContextType(GetContextTypeRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getContextType(request));
  }

  /** As {@link #getArtifactTypesByID}, for context types. */
  public GetContextTypesByIDResponse getContextTypesByID(GetContextTypesByIDRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getContextTypesByID(request));
  }

  /** Every context type, in id order. */
  public GetContextTypesResponse getContextTypes(GetContextTypesRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect()).getContextTypes(request));
  }

  /**
   * All artifacts, or one page of them when {@code options} are given (MLMD's paging: at most
   * 100 a page plus one; see ListOperationOptions). A {@code filter_query} in the options
   * (MLMD's filter language, see the grammar module's README) needs mlmd4j-planner on the class
   * path: without it the call is UNIMPLEMENTED; a filter that does not parse is
   * INVALID_ARGUMENT with its line and column.
   */
  public GetArtifactsResponse getArtifacts(GetArtifactsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getArtifacts(request));
  }

  /** As {@link #getArtifacts}, for executions. */
  public GetExecutionsResponse getExecutions(GetExecutionsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getExecutions(request));
  }

  /** As {@link #getArtifacts}, for contexts. */
  public GetContextsResponse getContexts(GetContextsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getContexts(request));
  }

  /**
   * The artifacts with those ids (unknown ids skipped), with their types when {@code
   * populate_artifact_types}.
   */
  public GetArtifactsByIDResponse getArtifactsByID(GetArtifactsByIDRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getArtifactsByID(request));
  }

  /** The executions with those ids; unknown ids are skipped. */
  public GetExecutionsByIDResponse getExecutionsByID(GetExecutionsByIDRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getExecutionsByID(request));
  }

  /** The contexts with those ids; unknown ids are skipped. */
  public GetContextsByIDResponse getContextsByID(GetContextsByIDRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getContextsByID(request));
  }

  /**
   * The artifacts of a type (by name and version), paged when {@code options} are given; an unknown
   * type gives an empty response.
   */
  public GetArtifactsByTypeResponse getArtifactsByType(GetArtifactsByTypeRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getArtifactsByType(request));
  }

  /** As {@link #getArtifactsByType}, for executions. */
  public GetExecutionsByTypeResponse getExecutionsByType(GetExecutionsByTypeRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getExecutionsByType(request));
  }

  /** As {@link #getArtifactsByType}, for contexts. */
  public GetContextsByTypeResponse getContextsByType(GetContextsByTypeRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getContextsByType(request));
  }

  /** The artifact of that type and name, or an empty response. */
  public GetArtifactByTypeAndNameResponse getArtifactByTypeAndName(
      GetArtifactByTypeAndNameRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getArtifactByTypeAndName(request));
  }

  /** The execution of that type and name, or an empty response. */
  public GetExecutionByTypeAndNameResponse getExecutionByTypeAndName(
      GetExecutionByTypeAndNameRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getExecutionByTypeAndName(request));
  }

  /** The context of that type and name, or an empty response. */
  public GetContextByTypeAndNameResponse getContextByTypeAndName(
      GetContextByTypeAndNameRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getContextByTypeAndName(request));
  }

  /** The artifacts whose uri is exactly one of those given. */
  public GetArtifactsByURIResponse getArtifactsByURI(GetArtifactsByURIRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getArtifactsByURI(request));
  }

  /** The events of those executions, with their paths. */
  public GetEventsByExecutionIDsResponse getEventsByExecutionIDs(
      GetEventsByExecutionIDsRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getEventsByExecutionIDs(request));
  }

  /** The events of those artifacts, with their paths. */
  public GetEventsByArtifactIDsResponse getEventsByArtifactIDs(
      GetEventsByArtifactIDsRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getEventsByArtifactIDs(request));
  }

  /**
   * The artifacts with those external ids: NOT_FOUND if none exists, INVALID_ARGUMENT for an empty
   * id.
   */
  public GetArtifactsByExternalIdsResponse getArtifactsByExternalIds(
      GetArtifactsByExternalIdsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getArtifactsByExternalIds(request));
  }

  /** As {@link #getArtifactsByExternalIds}, for executions. */
  public GetExecutionsByExternalIdsResponse getExecutionsByExternalIds(
      GetExecutionsByExternalIdsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getExecutionsByExternalIds(request));
  }

  /** As {@link #getArtifactsByExternalIds}, for contexts. */
  public GetContextsByExternalIdsResponse getContextsByExternalIds(
      GetContextsByExternalIdsRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getContextsByExternalIds(request));
  }

  /** As {@link #getArtifactsByExternalIds}, for artifact types. */
  public GetArtifactTypesByExternalIdsResponse getArtifactTypesByExternalIds(
      GetArtifactTypesByExternalIdsRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect())
        .getArtifactTypesByExternalIds(request));
  }

  /** As {@link #getArtifactsByExternalIds}, for execution types. */
  public GetExecutionTypesByExternalIdsResponse getExecutionTypesByExternalIds(
      GetExecutionTypesByExternalIdsRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect())
        .getExecutionTypesByExternalIds(request));
  }

  /** As {@link #getArtifactsByExternalIds}, for context types. */
  public GetContextTypesByExternalIdsResponse getContextTypesByExternalIds(
      GetContextTypesByExternalIdsRequest request) {
    return source.read(c -> new TypeOperations(c, source.dialect())
        .getContextTypesByExternalIds(request));
  }

  /** The contexts an artifact is attributed to; NOT_FOUND when there is none (as MLMD). */
  public GetContextsByArtifactResponse getContextsByArtifact(GetContextsByArtifactRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect()).getContextsByArtifact(request));
  }

  /** The contexts an execution is associated with; NOT_FOUND when there is none (as MLMD). */
  public GetContextsByExecutionResponse getContextsByExecution(
      GetContextsByExecutionRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getContextsByExecution(request));
  }

  /** The parents of a context. */
  public GetParentContextsByContextResponse getParentContextsByContext(
      GetParentContextsByContextRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getParentContextsByContext(request));
  }

  /** The children of a context. */
  public GetChildrenContextsByContextResponse getChildrenContextsByContext(
      GetChildrenContextsByContextRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getChildrenContextsByContext(request));
  }

  /** The parents of each context that has any, keyed by child id. */
  public GetParentContextsByContextsResponse getParentContextsByContexts(
      GetParentContextsByContextsRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getParentContextsByContexts(request));
  }

  /** The children of each context that has any, keyed by parent id. */
  public GetChildrenContextsByContextsResponse getChildrenContextsByContexts(
      GetChildrenContextsByContextsRequest request) {
    return source.read(c -> new EdgeOperations(c, source.dialect())
        .getChildrenContextsByContexts(request));
  }

  /** The artifacts attributed to a context, paged when {@code options} are given. */
  public GetArtifactsByContextResponse getArtifactsByContext(GetArtifactsByContextRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect()).getArtifactsByContext(request));
  }

  /** The executions associated with a context, paged when {@code options} are given. */
  public GetExecutionsByContextResponse getExecutionsByContext(
      GetExecutionsByContextRequest request) {
    return source.read(c -> new NodeOperations(c, source.dialect())
        .getExecutionsByContext(request));
  }

  /** MLMD's deprecated lineage call: UNIMPLEMENTED, as in MLMD; use {@link #getLineageSubgraph}. */
  public GetLineageGraphResponse getLineageGraph(GetLineageGraphRequest request) {
    return source.read(c -> new LineageOperations(c, source.dialect()).getLineageGraph(request));
  }

  /**
   * The lineage subgraph reached from the starting nodes within {@code max_num_hops} (unset or
   * above 100: 100), in MLMD's server semantics: nodes and contexts dehydrated (ids only, in id
   * order), the events the walk kept, every type of each kind the mask names. Starting and ending
   * nodes are chosen by filter queries, so this needs mlmd4j-planner on the class path
   * (UNIMPLEMENTED without it). The walk is one recursive query (the planner's lineage walk)
   * where the server has them, and a query per hop otherwise or with {@code lineageWalk=perHop};
   * both give the same graph.
   */
  public GetLineageSubgraphResponse getLineageSubgraph(GetLineageSubgraphRequest request) {
    return source.read(c -> new LineageOperations(c, source.dialect())
        .getLineageSubgraph(request, target));
  }

  /**
   * Connections that read this store's database directly (MLMD's physical tables), outside the
   * store's transactions; the database refuses their writes. They stay usable while the store is
   * open; close each connection you get. This is how mlmd4j's JDBC driver runs SQL.
   */
  public DataSource readOnlyDataSource() {
    return source.readOnlyDataSource();
  }

  /**
   * Runs an LQL statement: a lineage walk ({@code LINEAGE ... OF ... [MAX HOPS n] [STOP AT ...]
   * [RETURN ...]}) or a cache lookup ({@code CACHED EXECUTIONS OF TYPE ...}); the language is
   * described in the grammar module's README. A walk is one recursive query the database runs
   * to the end (one query per hop where the server has no recursive queries, or with
   * {@code lineageWalk=perHop}), in one read transaction with the reading of the nodes it
   * returns. Needs
   * mlmd4j-planner on the class path (UNIMPLEMENTED without it).
   *
   * @throws MlmdException INVALID_ARGUMENT, with the line and column, for a statement that does
   *     not parse or names what does not exist
   */
  public LqlResult query(String lql) {
    return source.read(c -> new LqlOperations(c, source.dialect(), target).query(lql));
  }

  /**
   * {@link #query(String)} stopped in the database once {@code timeout} has passed: the
   * statement running then is cancelled (SQLite interrupts its connection, MySQL kills the
   * query) and the call fails with DEADLINE_EXCEEDED. Work in the JVM after the last query
   * (building the results) is not interrupted.
   *
   * @throws MlmdException DEADLINE_EXCEEDED when the timeout passed first
   */
  public LqlResult query(String lql, Duration timeout) {
    Cancellation deadline = Cancellation.after(timeout);
    try (Cancellation.Scope scope = deadline.enter()) {
      return query(lql);
    } catch (MlmdException e) {
      if (deadline.isCancelled()) {
        throw new MlmdException(MlmdException.Code.DEADLINE_EXCEEDED,
            "The query ran past its deadline of " + timeout.toMillis() + " ms and was stopped",
            e);
      }
      throw e;
    } finally {
      deadline.done();
    }
  }

  @Override
  public void close() {
    source.close();
  }
}
