package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

public final class NodeOperations {

  private final Connection connection;
  private final Dialect dialect;

  public NodeOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public PutArtifactsResponse putArtifacts(PutArtifactsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutArtifacts is being written");
  }

  public PutExecutionsResponse putExecutions(PutExecutionsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutExecutions is being written");
  }

  public PutContextsResponse putContexts(PutContextsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutContexts is being written");
  }

  public GetArtifactsResponse getArtifacts(GetArtifactsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifacts is being written");
  }

  public GetExecutionsResponse getExecutions(GetExecutionsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutions is being written");
  }

  public GetContextsResponse getContexts(GetContextsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContexts is being written");
  }

  public GetArtifactsByIDResponse getArtifactsByID(GetArtifactsByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactsByID is being written");
  }

  public GetExecutionsByIDResponse getExecutionsByID(GetExecutionsByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionsByID is being written");
  }

  public GetContextsByIDResponse getContextsByID(GetContextsByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextsByID is being written");
  }

  public GetArtifactsByTypeResponse getArtifactsByType(GetArtifactsByTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactsByType is being written");
  }

  public GetExecutionsByTypeResponse getExecutionsByType(GetExecutionsByTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionsByType is being written");
  }

  public GetContextsByTypeResponse getContextsByType(GetContextsByTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextsByType is being written");
  }

  public GetArtifactByTypeAndNameResponse getArtifactByTypeAndName(GetArtifactByTypeAndNameRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactByTypeAndName is being written");
  }

  public GetExecutionByTypeAndNameResponse getExecutionByTypeAndName(GetExecutionByTypeAndNameRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionByTypeAndName is being written");
  }

  public GetContextByTypeAndNameResponse getContextByTypeAndName(GetContextByTypeAndNameRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextByTypeAndName is being written");
  }

  public GetArtifactsByURIResponse getArtifactsByURI(GetArtifactsByURIRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactsByURI is being written");
  }

  public GetArtifactsByExternalIdsResponse getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactsByExternalIds is being written");
  }

  public GetExecutionsByExternalIdsResponse getExecutionsByExternalIds(GetExecutionsByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionsByExternalIds is being written");
  }

  public GetContextsByExternalIdsResponse getContextsByExternalIds(GetContextsByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextsByExternalIds is being written");
  }

  public GetArtifactsByContextResponse getArtifactsByContext(GetArtifactsByContextRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactsByContext is being written");
  }

  public GetExecutionsByContextResponse getExecutionsByContext(GetExecutionsByContextRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionsByContext is being written");
  }
}
