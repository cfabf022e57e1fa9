package io.mlmd4j.storage.schema;

import java.sql.SQLException;
import java.util.List;

/** MLMD's schema in MySQL's dialect. */
final class MySqlSchema implements SchemaScripts {

  @Override
  public List<String> create() {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public List<String> upgradeTo(int version) {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public List<String> downgradeTo(int version) {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public boolean isAlreadyDone(SQLException e) {
    return false;
  }
}
