package io.mlmd4j.storage.schema;

import io.mlmd4j.storage.Dialect;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of MLMD's relational schema for one dialect: the statements that create version
 * {@value #LIBRARY_VERSION} from nothing, and MLMD's migration steps between versions. The
 * statements are MLMD's in meaning: a store they create or migrate is one MLMD opens, and the
 * reverse.
 */
public interface SchemaScripts {

  /** The schema version this library reads and writes. */
  int LIBRARY_VERSION = 10;

  /** MLMD's 15 tables; a database holding some but not all of them is half-initialised. */
  List<String> TABLES = List.of("Type", "ParentType", "TypeProperty", "Artifact",
      "ArtifactProperty", "Execution", "ExecutionProperty", "Context", "ContextProperty",
      "ParentContext", "Event", "EventPath", "Association", "Attribution", "MLMDEnv");

  /** What each upgrade step does, in a few words, by the version it leads to. */
  List<String> UPGRADE_SUMMARIES = List.of("",
      "create the MLMDEnv table",
      "give types a kind (execution, artifact, context)",
      "add contexts and context properties",
      "add attributions and associations",
      "add node states, node names and timestamps",
      "add parent types, parent contexts, type versions and descriptions, time and name indexes",
      "add a bytes column to property values, index event paths",
      "index property values; keep one event per (artifact, execution, type), dropping older"
          + " duplicates and their paths",
      "add external ids to types and nodes",
      "add proto and boolean property values");

  /** Creates every table and index of the current version (not the MLMDEnv row). */
  List<String> create();

  /**
   * Takes a database of schema {@code version - 1} to {@code version} (1 to
   * {@value #LIBRARY_VERSION}), keeping every row. Does not write the MLMDEnv row; the step to
   * version 1 creates the MLMDEnv table.
   */
  List<String> upgradeTo(int version);

  /**
   * Takes a database of schema {@code version + 1} back to {@code version} (0 to
   * {@value #LIBRARY_VERSION}{@code - 1}), as MLMD's downgrade does. Does not write the MLMDEnv
   * row; the step to version 0 drops the MLMDEnv table.
   */
  List<String> downgradeTo(int version);

  /** A failure of one of these statements that only means it had already been done. */
  boolean isAlreadyDone(SQLException e);

  static SchemaScripts of(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> new SqliteSchema();
      case MYSQL -> new MySqlSchema();
    };
  }
}
