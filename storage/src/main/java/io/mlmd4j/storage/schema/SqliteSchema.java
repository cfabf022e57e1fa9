package io.mlmd4j.storage.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MLMD's schema in SQLite's dialect: the tables and indexes MLMD's SQLite config creates, and its
 * migration steps between versions 0 and 10 with the same effect on tables, indexes and rows.
 *
 * <p>Where MLMD copies a whole table to change one column, a step here adds, drops or renames the
 * column in place when SQLite allows it (the column is not indexed and not part of a key).
 * Tables whose keys change are rebuilt as MLMD does: created anew, rows copied, old table
 * dropped, new one renamed. A rebuild also carries over the table's AUTOINCREMENT counter, so
 * that ids of rows deleted before the migration are not handed out again (MLMD's copy resets the
 * counter to the highest id left).
 *
 * <p>SQLite's DDL is transactional: the schema manager runs every step of a migration in one
 * transaction, so a step is never found half done, and {@link #isAlreadyDone} accepts nothing.
 */
final class SqliteSchema implements SchemaScripts {

  private static final String MLMD_ENV = """
      `schema_version` INTEGER PRIMARY KEY""";

  private static final String TYPE = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `name` VARCHAR(255) NOT NULL,
      `version` VARCHAR(255),
      `type_kind` TINYINT(1) NOT NULL,
      `description` TEXT,
      `input_type` TEXT,
      `output_type` TEXT,
      `external_id` VARCHAR(255) UNIQUE""";

  private static final String TYPE_PROPERTY = """
      `type_id` INT NOT NULL,
      `name` VARCHAR(255) NOT NULL,
      `data_type` INT NULL,
      PRIMARY KEY (`type_id`, `name`)""";

  private static final String PARENT_TYPE = """
      `type_id` INT NOT NULL,
      `parent_type_id` INT NOT NULL,
      PRIMARY KEY (`type_id`, `parent_type_id`)""";

  private static final String ARTIFACT = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `uri` TEXT,
      `state` INT,
      `name` VARCHAR(255),
      `external_id` VARCHAR(255) UNIQUE,
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";

  private static final String EXECUTION = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `last_known_state` INT,
      `name` VARCHAR(255),
      `external_id` VARCHAR(255) UNIQUE,
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";

  private static final String EVENT = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `artifact_id` INT NOT NULL,
      `execution_id` INT NOT NULL,
      `type` INT NOT NULL,
      `milliseconds_since_epoch` INT,
      UNIQUE (`artifact_id`, `execution_id`, `type`)""";

  private static final String EVENT_PATH = """
      `event_id` INT NOT NULL,
      `is_index_step` TINYINT(1) NOT NULL,
      `step_index` INT,
      `step_key` TEXT""";

  private static final String CONTEXT = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `name` VARCHAR(255) NOT NULL,
      `external_id` VARCHAR(255) UNIQUE,
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";

  private static final String PARENT_CONTEXT = """
      `context_id` INT NOT NULL,
      `parent_context_id` INT NOT NULL,
      PRIMARY KEY (`context_id`, `parent_context_id`)""";

  private static final String ASSOCIATION = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `context_id` INT NOT NULL,
      `execution_id` INT NOT NULL,
      UNIQUE (`context_id`, `execution_id`)""";

  private static final String ATTRIBUTION = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `context_id` INT NOT NULL,
      `artifact_id` INT NOT NULL,
      UNIQUE (`context_id`, `artifact_id`)""";

  // Tables as older versions had them, which migrations rebuild to and from.
  private static final String TYPE_V6 = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `name` VARCHAR(255) NOT NULL,
      `version` VARCHAR(255),
      `type_kind` TINYINT(1) NOT NULL,
      `description` TEXT,
      `input_type` TEXT,
      `output_type` TEXT""";
  private static final String TYPE_COLUMNS_V6 =
      "`id`, `name`, `version`, `type_kind`, `description`, `input_type`, `output_type`";

  private static final String ARTIFACT_V5 = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `uri` TEXT,
      `state` INT,
      `name` VARCHAR(255),
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";
  private static final String ARTIFACT_COLUMNS_V5 = "`id`, `type_id`, `uri`, `state`, `name`,"
      + " `create_time_since_epoch`, `last_update_time_since_epoch`";

  private static final String EXECUTION_V5 = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `last_known_state` INT,
      `name` VARCHAR(255),
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";
  private static final String EXECUTION_COLUMNS_V5 = "`id`, `type_id`, `last_known_state`,"
      + " `name`, `create_time_since_epoch`, `last_update_time_since_epoch`";

  private static final String CONTEXT_V5 = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `type_id` INT NOT NULL,
      `name` VARCHAR(255) NOT NULL,
      `create_time_since_epoch` INT NOT NULL DEFAULT 0,
      `last_update_time_since_epoch` INT NOT NULL DEFAULT 0,
      UNIQUE (`type_id`, `name`)""";
  private static final String CONTEXT_COLUMNS_V5 =
      "`id`, `type_id`, `name`, `create_time_since_epoch`, `last_update_time_since_epoch`";

  /** Events before version 8: the same event may be recorded more than once. */
  private static final String EVENT_V0 = """
      `id` INTEGER PRIMARY KEY AUTOINCREMENT,
      `artifact_id` INT NOT NULL,
      `execution_id` INT NOT NULL,
      `type` INT NOT NULL,
      `milliseconds_since_epoch` INT""";
  private static final String EVENT_COLUMNS =
      "`id`, `artifact_id`, `execution_id`, `type`, `milliseconds_since_epoch`";

  /** The tables of version 10, in the order MLMD creates them. */
  private static final List<String> TABLES = List.of(
      createTable("Type", TYPE),
      createTable("TypeProperty", TYPE_PROPERTY),
      createTable("ParentType", PARENT_TYPE),
      createTable("Artifact", ARTIFACT),
      createTable("ArtifactProperty", propertyColumns("artifact_id", true)),
      createTable("Execution", EXECUTION),
      createTable("ExecutionProperty", propertyColumns("execution_id", true)),
      createTable("Event", EVENT),
      createTable("EventPath", EVENT_PATH),
      createTable("MLMDEnv", MLMD_ENV),
      createTable("Context", CONTEXT),
      createTable("ContextProperty", propertyColumns("context_id", true)),
      createTable("ParentContext", PARENT_CONTEXT),
      createTable("Association", ASSOCIATION),
      createTable("Attribution", ATTRIBUTION));

  // The secondary indexes, in groups by the version that added them and the table they are on.
  private static final List<Index> ARTIFACT_INDEXES = List.of(
      new Index("idx_artifact_uri", "Artifact", "`uri`"),
      new Index("idx_artifact_create_time_since_epoch", "Artifact", "`create_time_since_epoch`"),
      new Index("idx_artifact_last_update_time_since_epoch", "Artifact",
          "`last_update_time_since_epoch`"));
  private static final Index EVENT_ARTIFACT_INDEX =
      new Index("idx_event_artifact_id", "Event", "`artifact_id`");
  private static final Index EVENT_EXECUTION_INDEX =
      new Index("idx_event_execution_id", "Event", "`execution_id`");
  private static final Index PARENT_CONTEXT_INDEX =
      new Index("idx_parentcontext_parent_context_id", "ParentContext", "`parent_context_id`");
  private static final Index TYPE_NAME_INDEX = new Index("idx_type_name", "Type", "`name`");
  private static final List<Index> EXECUTION_INDEXES = List.of(
      new Index("idx_execution_create_time_since_epoch", "Execution",
          "`create_time_since_epoch`"),
      new Index("idx_execution_last_update_time_since_epoch", "Execution",
          "`last_update_time_since_epoch`"));
  private static final List<Index> CONTEXT_INDEXES = List.of(
      new Index("idx_context_create_time_since_epoch", "Context", "`create_time_since_epoch`"),
      new Index("idx_context_last_update_time_since_epoch", "Context",
          "`last_update_time_since_epoch`"));
  private static final Index EVENT_PATH_INDEX =
      new Index("idx_eventpath_event_id", "EventPath", "`event_id`");

  private static final List<String> PROPERTY_TABLES =
      List.of("ArtifactProperty", "ExecutionProperty", "ContextProperty");

  /** Partial indexes on (name, is_custom_property, value) for filters on property values. */
  private static final List<Index> PROPERTY_INDEXES = propertyIndexes();

  private static final List<Index> EXTERNAL_ID_INDEXES = List.of(
      new Index("idx_type_external_id", "Type", "`external_id`"),
      new Index("idx_artifact_external_id", "Artifact", "`external_id`"),
      new Index("idx_execution_external_id", "Execution", "`external_id`"),
      new Index("idx_context_external_id", "Context", "`external_id`"));

  /** The secondary indexes of version 10, in the order MLMD creates them. */
  private static final List<Index> INDEXES = concat(
      ARTIFACT_INDEXES,
      List.of(EVENT_EXECUTION_INDEX, PARENT_CONTEXT_INDEX, TYPE_NAME_INDEX),
      EXECUTION_INDEXES,
      CONTEXT_INDEXES,
      List.of(EVENT_PATH_INDEX),
      PROPERTY_INDEXES,
      EXTERNAL_ID_INDEXES);

  /** The indexes on Type, Artifact, Execution and Context of versions 6 to 8. */
  private static final List<Index> NODE_INDEXES_V6 =
      concat(List.of(TYPE_NAME_INDEX), ARTIFACT_INDEXES, EXECUTION_INDEXES, CONTEXT_INDEXES);

  /** MLMD's step from version {@code v - 1} to {@code v}, for every v from 1 to 10. */
  private static final Map<Integer, List<String>> UPGRADE_TO = Map.of(
      // 0.13.2 had no MLMDEnv table; the schema manager writes its row.
      1, List.of(createTable("MLMDEnv", MLMD_ENV)),
      // Types gain a kind: 0 execution, 1 artifact, and from now on 2 context.
      2, List.of("ALTER TABLE `Type` RENAME COLUMN `is_artifact_type` TO `type_kind`"),
      3, List.of(
          createTable("Context", """
              `id` INTEGER PRIMARY KEY AUTOINCREMENT,
              `type_id` INT NOT NULL,
              `name` VARCHAR(255) NOT NULL,
              UNIQUE (`type_id`, `name`)"""),
          createTable("ContextProperty", propertyColumns("context_id", false))),
      4, List.of(
          createTable("Association", ASSOCIATION),
          createTable("Attribution", ATTRIBUTION)),
      // Node state, names unique per type, and timestamps (existing rows get 0).
      5, concat(
          rebuild("Artifact", ARTIFACT_V5, "`id`, `type_id`, `uri`"),
          rebuild("Execution", EXECUTION_V5, "`id`, `type_id`"),
          List.of(
              "ALTER TABLE `Context` ADD COLUMN `create_time_since_epoch` INT NOT NULL DEFAULT 0",
              "ALTER TABLE `Context`"
                  + " ADD COLUMN `last_update_time_since_epoch` INT NOT NULL DEFAULT 0")),
      // Type inheritance, context parents, type versions and descriptions (placed before and
      // after type_kind, hence the rebuild), and the time and name indexes.
      6, concat(
          List.of(
              createTable("ParentType", PARENT_TYPE),
              createTable("ParentContext", PARENT_CONTEXT)),
          rebuild("Type", TYPE_V6, "`id`, `name`, `type_kind`, `input_type`, `output_type`"),
          create(ARTIFACT_INDEXES),
          create(List.of(EVENT_ARTIFACT_INDEX, EVENT_EXECUTION_INDEX, PARENT_CONTEXT_INDEX,
              TYPE_NAME_INDEX)),
          create(EXECUTION_INDEXES),
          create(CONTEXT_INDEXES)),
      // A (never written) bytes column for property values, and paths by event.
      7, concat(
          alterPropertyTables("ADD COLUMN `byte_value` BLOB"),
          create(List.of(EVENT_PATH_INDEX))),
      // Property indexes for filtering, and one event per (artifact, execution, type): of
      // duplicate events the newest (highest id) is kept, and paths left without their event
      // are dropped. The unique key takes the place of the index on artifact_id.
      8, concat(
          create(PROPERTY_INDEXES),
          rebuild("Event", EVENT, EVENT_COLUMNS, "WHERE `id` IN (SELECT MAX(`id`) FROM `Event`"
              + " GROUP BY `artifact_id`, `execution_id`, `type`)"),
          create(List.of(EVENT_EXECUTION_INDEX)),
          List.of("DELETE FROM `EventPath` WHERE `event_id` NOT IN (SELECT `id` FROM `Event`)")),
      // Ids from the client's own system, unique where given. The column goes before the
      // timestamps, so the four tables are rebuilt and their indexes made again.
      9, concat(
          rebuild("Type", TYPE, TYPE_COLUMNS_V6),
          rebuild("Artifact", ARTIFACT, ARTIFACT_COLUMNS_V5),
          rebuild("Execution", EXECUTION, EXECUTION_COLUMNS_V5),
          rebuild("Context", CONTEXT, CONTEXT_COLUMNS_V5),
          create(NODE_INDEXES_V6),
          create(EXTERNAL_ID_INDEXES)),
      // Proto (Any) and boolean property values.
      10, concat(
          alterPropertyTables("ADD COLUMN `proto_value` BLOB"),
          alterPropertyTables("ADD COLUMN `bool_value` BOOLEAN")));

  /**
   * MLMD's step from version {@code v + 1} back to {@code v}, for every v from 0 to 9. What the
   * older version has no place for is dropped, as MLMD drops it.
   */
  private static final Map<Integer, List<String>> DOWNGRADE_TO = Map.of(
      0, List.of("DROP TABLE IF EXISTS `MLMDEnv`"),
      // Context types go: 0.13.2 knew only artifact and execution types.
      1, List.of(
          "DELETE FROM `Type` WHERE `type_kind` = 2",
          "ALTER TABLE `Type` RENAME COLUMN `type_kind` TO `is_artifact_type`"),
      2, List.of(
          "DROP TABLE IF EXISTS `Context`",
          "DROP TABLE IF EXISTS `ContextProperty`"),
      3, List.of(
          "DROP TABLE IF EXISTS `Association`",
          "DROP TABLE IF EXISTS `Attribution`"),
      4, concat(
          rebuild("Artifact", """
              `id` INTEGER PRIMARY KEY AUTOINCREMENT,
              `type_id` INT NOT NULL,
              `uri` TEXT""", "`id`, `type_id`, `uri`"),
          rebuild("Execution", """
              `id` INTEGER PRIMARY KEY AUTOINCREMENT,
              `type_id` INT NOT NULL""", "`id`, `type_id`"),
          List.of(
              "ALTER TABLE `Context` DROP COLUMN `create_time_since_epoch`",
              "ALTER TABLE `Context` DROP COLUMN `last_update_time_since_epoch`")),
      5, concat(
          List.of(
              "DROP TABLE IF EXISTS `ParentType`",
              "DROP TABLE IF EXISTS `ParentContext`"),
          drop(NODE_INDEXES_V6),
          drop(List.of(EVENT_ARTIFACT_INDEX, EVENT_EXECUTION_INDEX)),
          List.of(
              "ALTER TABLE `Type` DROP COLUMN `version`",
              "ALTER TABLE `Type` DROP COLUMN `description`")),
      6, concat(
          alterPropertyTables("DROP COLUMN `byte_value`"),
          drop(List.of(EVENT_PATH_INDEX))),
      // Duplicate events are allowed again; the index on artifact_id comes back.
      7, concat(
          drop(PROPERTY_INDEXES),
          rebuild("Event", EVENT_V0, EVENT_COLUMNS),
          create(List.of(EVENT_ARTIFACT_INDEX, EVENT_EXECUTION_INDEX))),
      8, concat(
          drop(EXTERNAL_ID_INDEXES),
          rebuild("Type", TYPE_V6, TYPE_COLUMNS_V6),
          rebuild("Artifact", ARTIFACT_V5, ARTIFACT_COLUMNS_V5),
          rebuild("Execution", EXECUTION_V5, EXECUTION_COLUMNS_V5),
          rebuild("Context", CONTEXT_V5, CONTEXT_COLUMNS_V5),
          create(NODE_INDEXES_V6)),
      9, concat(
          alterPropertyTables("DROP COLUMN `proto_value`"),
          alterPropertyTables("DROP COLUMN `bool_value`")));

  @Override
  public List<String> create() {
    return concat(TABLES, create(INDEXES));
  }

  @Override
  public List<String> upgradeTo(int version) {
    return step(UPGRADE_TO, version, 1, LIBRARY_VERSION);
  }

  @Override
  public List<String> downgradeTo(int version) {
    return step(DOWNGRADE_TO, version, 0, LIBRARY_VERSION - 1);
  }

  @Override
  public boolean isAlreadyDone(SQLException e) {
    return false;
  }

  private static List<String> step(Map<Integer, List<String>> steps, int version, int min,
      int max) {
    if (version < min || version > max) {
      throw new IllegalArgumentException(
          "No SQLite migration step to version " + version + "; steps go to " + min + ".." + max);
    }
    return steps.get(version);
  }

  private static String createTable(String table, String columns) {
    return "CREATE TABLE IF NOT EXISTS `" + table + "` (\n" + columns.strip().indent(2) + ")";
  }

  /** The columns of a property table: version 10's, or version 3's without the blobs. */
  private static String propertyColumns(String idColumn, boolean blobs) {
    return "`" + idColumn + "` INT NOT NULL,\n"
        + "`name` VARCHAR(255) NOT NULL,\n"
        + "`is_custom_property` TINYINT(1) NOT NULL,\n"
        + "`int_value` INT,\n"
        + "`double_value` DOUBLE,\n"
        + "`string_value` TEXT,\n"
        + (blobs ? "`byte_value` BLOB,\n`proto_value` BLOB,\n`bool_value` BOOLEAN,\n" : "")
        + "PRIMARY KEY (`" + idColumn + "`, `name`, `is_custom_property`)";
  }

  private static List<Index> propertyIndexes() {
    List<Index> indexes = new ArrayList<>();
    for (String table : PROPERTY_TABLES) {
      String node = table.substring(0, table.indexOf("Property")).toLowerCase(Locale.ROOT);
      for (String kind : List.of("int", "double", "string")) {
        String value = "`" + kind + "_value`";
        indexes.add(new Index("idx_" + node + "_property_" + kind, table,
            "`name`, `is_custom_property`, " + value, value + " IS NOT NULL"));
      }
    }
    return List.copyOf(indexes);
  }

  /** The same ALTER TABLE change on the three property tables. */
  private static List<String> alterPropertyTables(String change) {
    return PROPERTY_TABLES.stream()
        .map(table -> "ALTER TABLE `" + table + "` " + change)
        .toList();
  }

  private static List<String> rebuild(String table, String columns, String copied) {
    return rebuild(table, columns, copied, "");
  }

  /**
   * Rebuilds {@code table} with new {@code columns}: copies the {@code copied} columns of the
   * rows {@code where} selects (all when empty; columns not copied take their default), moves the
   * AUTOINCREMENT counter over before dropping the old table would delete it, and renames the
   * new table. Indexes go with the old table: the caller makes them again.
   */
  private static List<String> rebuild(String table, String columns, String copied,
      String where) {
    String rebuilt = table + "Rebuilt";
    return List.of(
        "CREATE TABLE `" + rebuilt + "` (\n" + columns.strip().indent(2) + ")",
        "INSERT INTO `" + rebuilt + "` (" + copied + ")\nSELECT " + copied + " FROM `" + table
            + "`" + (where.isEmpty() ? "" : "\n" + where),
        "DELETE FROM sqlite_sequence WHERE name = '" + rebuilt + "'",
        "UPDATE sqlite_sequence SET name = '" + rebuilt + "' WHERE name = '" + table + "'",
        "DROP TABLE `" + table + "`",
        "ALTER TABLE `" + rebuilt + "` RENAME TO `" + table + "`");
  }

  private static List<String> create(List<Index> indexes) {
    return indexes.stream().map(Index::create).toList();
  }

  /** Drops the indexes, last made first. */
  private static List<String> drop(List<Index> indexes) {
    List<String> drops = new ArrayList<>();
    for (Index index : indexes) {
      drops.add(0, "DROP INDEX IF EXISTS `" + index.name() + "`");
    }
    return drops;
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... parts) {
    List<T> all = new ArrayList<>();
    for (List<T> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  /** A secondary index; {@code where} makes it partial (empty: all rows). */
  private record Index(String name, String table, String columns, String where) {

    Index(String name, String table, String columns) {
      this(name, table, columns, "");
    }

    String create() {
      return "CREATE INDEX IF NOT EXISTS `" + name + "` ON `" + table + "` (" + columns + ")"
          + (where.isEmpty() ? "" : " WHERE " + where);
    }
  }
}
