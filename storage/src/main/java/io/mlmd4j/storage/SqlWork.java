package io.mlmd4j.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run inside one transaction on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
