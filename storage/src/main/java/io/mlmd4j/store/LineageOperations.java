package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

public final class LineageOperations {

  private final Connection connection;
  private final Dialect dialect;

  public LineageOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public PutExecutionResponse putExecution(PutExecutionRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutExecution is being written");
  }

  public PutLineageSubgraphResponse putLineageSubgraph(PutLineageSubgraphRequest request) throws SQLException {
    throw MlmdException.unimplemented("PutLineageSubgraph is being written");
  }

  public GetLineageGraphResponse getLineageGraph(GetLineageGraphRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetLineageGraph is being written");
  }

  public GetLineageSubgraphResponse getLineageSubgraph(GetLineageSubgraphRequest request) throws SQLException {
    throw MlmdException.unimplemented("GetLineageSubgraph is being written");
  }
}
