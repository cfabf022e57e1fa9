package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

public final class TypeOperations {

  private final Connection connection;
  private final Dialect dialect;

  public TypeOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public PutArtifactTypeResponse putArtifactType(PutArtifactTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutArtifactType is being written");
  }

  public PutExecutionTypeResponse putExecutionType(PutExecutionTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutExecutionType is being written");
  }

  public PutContextTypeResponse putContextType(PutContextTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutContextType is being written");
  }

  public PutTypesResponse putTypes(PutTypesRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutTypes is being written");
  }

  public GetArtifactTypeResponse getArtifactType(GetArtifactTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactType is being written");
  }

  public GetArtifactTypesByIDResponse getArtifactTypesByID(GetArtifactTypesByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactTypesByID is being written");
  }

  public GetArtifactTypesResponse getArtifactTypes(GetArtifactTypesRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactTypes is being written");
  }

  public GetExecutionTypeResponse getExecutionType(GetExecutionTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionType is being written");
  }

  public GetExecutionTypesByIDResponse getExecutionTypesByID(GetExecutionTypesByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionTypesByID is being written");
  }

  public GetExecutionTypesResponse getExecutionTypes(GetExecutionTypesRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionTypes is being written");
  }

  public GetContextTypeResponse getContextType(GetContextTypeRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextType is being written");
  }

  public GetContextTypesByIDResponse getContextTypesByID(GetContextTypesByIDRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextTypesByID is being written");
  }

  public GetContextTypesResponse getContextTypes(GetContextTypesRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextTypes is being written");
  }

  public GetArtifactTypesByExternalIdsResponse getArtifactTypesByExternalIds(GetArtifactTypesByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetArtifactTypesByExternalIds is being written");
  }

  public GetExecutionTypesByExternalIdsResponse getExecutionTypesByExternalIds(GetExecutionTypesByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetExecutionTypesByExternalIds is being written");
  }

  public GetContextTypesByExternalIdsResponse getContextTypesByExternalIds(GetContextTypesByExternalIdsRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetContextTypesByExternalIds is being written");
  }
}
