package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

public final class EdgeOperations {

  private final Connection connection;
  private final Dialect dialect;

  public EdgeOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public PutEventsResponse putEvents(PutEventsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutEvents is being written");
  }

  public PutAttributionsAndAssociationsResponse putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutAttributionsAndAssociations is being written");
  }

  public PutParentContextsResponse putParentContexts(PutParentContextsRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutParentContexts is being written");
  }

  public GetEventsByExecutionIDsResponse getEventsByExecutionIDs(GetEventsByExecutionIDsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetEventsByExecutionIDs is being written");
  }

  public GetEventsByArtifactIDsResponse getEventsByArtifactIDs(GetEventsByArtifactIDsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetEventsByArtifactIDs is being written");
  }

  public GetContextsByArtifactResponse getContextsByArtifact(GetContextsByArtifactRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextsByArtifact is being written");
  }

  public GetContextsByExecutionResponse getContextsByExecution(GetContextsByExecutionRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextsByExecution is being written");
  }

  public GetParentContextsByContextResponse getParentContextsByContext(GetParentContextsByContextRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetParentContextsByContext is being written");
  }

  public GetChildrenContextsByContextResponse getChildrenContextsByContext(GetChildrenContextsByContextRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetChildrenContextsByContext is being written");
  }

  public GetParentContextsByContextsResponse getParentContextsByContexts(GetParentContextsByContextsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetParentContextsByContexts is being written");
  }

  public GetChildrenContextsByContextsResponse getChildrenContextsByContexts(GetChildrenContextsByContextsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetChildrenContextsByContexts is being written");
  }
}
