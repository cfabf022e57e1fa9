package io.mlmd4j.store.spi;

import java.util.Objects;

/**
 * A cache lookup: one query whose rows are the ids of the executions found (one column), newest
 * first.
 */
public record CacheLookupPlan(SqlStatement executionIds) implements LqlPlan {

  public CacheLookupPlan {
    Objects.requireNonNull(executionIds, "executionIds");
  }
}
