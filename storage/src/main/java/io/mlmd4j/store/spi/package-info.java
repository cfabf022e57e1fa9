/**
 * The service interface through which the store reaches the query planner without depending on
 * it: the storage module defines {@link io.mlmd4j.store.spi.QueryCompiler}, the planner module
 * implements it, and {@link java.util.ServiceLoader} finds the implementation on the class path.
 */
package io.mlmd4j.store.spi;
