/**
 * A step of the jar's build for the driver's start-up in a fresh JVM, where most of a first
 * query's time goes to loading the classes of Calcite's parser, validator and planner (about
 * 4,000 of them) from the jar: it runs a first connection's typical statements
 * ({@link io.mlmd4j.jdbc.startup.FirstQueryTraining}) and stores the classes they load
 * uncompressed in the jar ({@link io.mlmd4j.jdbc.startup.StartupClassesStored}). Not API: it may
 * change in any release.
 */
package io.mlmd4j.jdbc.startup;
