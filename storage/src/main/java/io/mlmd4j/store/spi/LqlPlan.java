package io.mlmd4j.store.spi;

/** What the store runs for one LQL statement: a lineage walk or a cache lookup. */
public sealed interface LqlPlan permits LineagePlan, CacheLookupPlan {
}
