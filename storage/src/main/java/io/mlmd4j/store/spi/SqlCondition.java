package io.mlmd4j.store.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A boolean SQL condition over a node table aliased {@code n}, with the values of its
 * {@code ?} markers in order. The text holds no user-supplied value: every literal of the query
 * it was compiled from is a parameter.
 *
 * @param sql the condition, e.g. {@code n.id IN (SELECT ...)}
 * @param parameters the values bound to its markers, in order: Long, Double, String or Integer
 * @param ids null, or a query of one column, {@code id}, such that the condition is
 *     {@code n.id IN (ids)} with the same parameters; an id may come more than once. A store may
 *     join it rather than test {@code IN}: MariaDB runs the join faster.
 */
public record SqlCondition(String sql, List<Object> parameters, String ids) {

  public SqlCondition {
    Objects.requireNonNull(sql, "sql");
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** A condition that is not a query of ids. */
  public SqlCondition(String sql, List<Object> parameters) {
    this(sql, parameters, null);
  }
}
