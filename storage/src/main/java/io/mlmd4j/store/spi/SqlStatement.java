package io.mlmd4j.store.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A whole SQL query and the values of its {@code ?} markers in order. As in
 * {@link SqlCondition}, no value of the query text it was planned from is part of the SQL.
 */
public record SqlStatement(String sql, List<Object> parameters) {

  public SqlStatement {
    Objects.requireNonNull(sql, "sql");
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }
}
