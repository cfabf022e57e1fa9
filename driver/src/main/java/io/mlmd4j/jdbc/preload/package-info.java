/**
 * The driver's start-up in a fresh JVM: most of a first query's time goes to loading the classes
 * of Calcite's parser, validator and planner (about 4,000 of them) one at a time, as the query
 * reaches each. The jar's build runs a first connection's typical statements once
 * ({@link io.mlmd4j.jdbc.preload.PreloadTraining}) and writes the classes they loaded, in order,
 * into the jar ({@link io.mlmd4j.jdbc.preload.PreloadedJar}); the first connection of a JVM then
 * loads them on a second thread ({@link io.mlmd4j.jdbc.preload.ClassPreloading}) while its own
 * thread opens the store. Not API: it may change in any release.
 */
package io.mlmd4j.jdbc.preload;
