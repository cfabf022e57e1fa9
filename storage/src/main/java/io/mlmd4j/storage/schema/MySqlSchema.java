package io.mlmd4j.storage.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLMD's schema in MySQL's dialect: MLMD's base DDL with its MySQL overrides (32-bit
 * {@code AUTO_INCREMENT} ids, {@code BIGINT} timestamps, {@code MEDIUMTEXT} / {@code MEDIUMBLOB}
 * property values, named unique constraints) and the secondary indexes MLMD adds with
 * {@code ALTER TABLE ... ADD INDEX}, text columns indexed on their first 255 characters.
 *
 * <p>MySQL commits each DDL statement on its own, so a migration step is not atomic here as it is
 * on SQLite. Creating the schema again over a half-created one only meets indexes that already
 * exist, which {@link #isAlreadyDone} accepts, as MLMD does.
 */
final class MySqlSchema implements SchemaScripts {

  /** ER_DUP_KEYNAME: "Duplicate key name"; the index is already there. */
  private static final int DUPLICATE_KEY_NAME = 1061;

  /** MySQL's {@code TEXT} holds 65535 bytes; version 7 widened it to {@code MEDIUMTEXT}. */
  private static final int TEXT_BYTES = 65535;

  private static final String CREATE_MLMD_ENV = """
      CREATE TABLE IF NOT EXISTS `MLMDEnv` (
        `schema_version` INTEGER PRIMARY KEY
      )""";

  // Tables created as they still are today, by version 10 and by the step that added them.
  private static final String PARENT_TYPE = """
      CREATE TABLE IF NOT EXISTS `ParentType` (
        `type_id` INT NOT NULL,
        `parent_type_id` INT NOT NULL,
        PRIMARY KEY (`type_id`, `parent_type_id`)
      )""";
  private static final String PARENT_CONTEXT = """
      CREATE TABLE IF NOT EXISTS `ParentContext` (
        `context_id` INT NOT NULL,
        `parent_context_id` INT NOT NULL,
        PRIMARY KEY (`context_id`, `parent_context_id`)
      )""";
  private static final String ASSOCIATION = """
      CREATE TABLE IF NOT EXISTS `Association` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `context_id` INT NOT NULL,
        `execution_id` INT NOT NULL,
        UNIQUE (`context_id`, `execution_id`)
      )""";
  private static final String ATTRIBUTION = """
      CREATE TABLE IF NOT EXISTS `Attribution` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `context_id` INT NOT NULL,
        `artifact_id` INT NOT NULL,
        UNIQUE (`context_id`, `artifact_id`)
      )""";

  /** The tables of version 10, in the order MLMD creates them. */
  private static final List<String> TABLES = List.of("""
      CREATE TABLE IF NOT EXISTS `Type` (
        `id` INT PRIMARY KEY AUTO_INCREMENT,
        `name` VARCHAR(255) NOT NULL,
        `version` VARCHAR(255),
        `type_kind` TINYINT(1) NOT NULL,
        `description` TEXT,
        `input_type` TEXT,
        `output_type` TEXT,
        `external_id` VARCHAR(255) UNIQUE
      )""", """
      CREATE TABLE IF NOT EXISTS `TypeProperty` (
        `type_id` INT NOT NULL,
        `name` VARCHAR(255) NOT NULL,
        `data_type` INT NULL,
        PRIMARY KEY (`type_id`, `name`)
      )""", PARENT_TYPE, """
      CREATE TABLE IF NOT EXISTS `Artifact` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `type_id` INT NOT NULL,
        `uri` TEXT,
        `state` INT,
        `name` VARCHAR(255),
        `external_id` VARCHAR(255) UNIQUE,
        `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        CONSTRAINT `UniqueArtifactTypeName` UNIQUE (`type_id`, `name`)
      )""", propertyTable("ArtifactProperty", "artifact_id"), """
      CREATE TABLE IF NOT EXISTS `Execution` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `type_id` INT NOT NULL,
        `last_known_state` INT,
        `name` VARCHAR(255),
        `external_id` VARCHAR(255) UNIQUE,
        `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        CONSTRAINT `UniqueExecutionTypeName` UNIQUE (`type_id`, `name`)
      )""", propertyTable("ExecutionProperty", "execution_id"), """
      CREATE TABLE IF NOT EXISTS `Event` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `artifact_id` INT NOT NULL,
        `execution_id` INT NOT NULL,
        `type` INT NOT NULL,
        `milliseconds_since_epoch` BIGINT,
        CONSTRAINT `UniqueEvent` UNIQUE (`artifact_id`, `execution_id`, `type`)
      )""", """
      CREATE TABLE IF NOT EXISTS `EventPath` (
        `event_id` INT NOT NULL,
        `is_index_step` TINYINT(1) NOT NULL,
        `step_index` INT,
        `step_key` TEXT
      )""", CREATE_MLMD_ENV, """
      CREATE TABLE IF NOT EXISTS `Context` (
        `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
        `type_id` INT NOT NULL,
        `name` VARCHAR(255) NOT NULL,
        `external_id` VARCHAR(255) UNIQUE,
        `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
        UNIQUE (`type_id`, `name`)
      )""", propertyTable("ContextProperty", "context_id"), PARENT_CONTEXT, ASSOCIATION,
      ATTRIBUTION);

  private static final String ARTIFACT_INDEXES = "ALTER TABLE `Artifact`"
      + " ADD INDEX `idx_artifact_uri` (`uri`(255)),"
      + " ADD INDEX `idx_artifact_create_time_since_epoch` (`create_time_since_epoch`),"
      + " ADD INDEX `idx_artifact_last_update_time_since_epoch` (`last_update_time_since_epoch`)";
  private static final String EVENT_EXECUTION_INDEX =
      "ALTER TABLE `Event` ADD INDEX `idx_event_execution_id` (`execution_id`)";
  private static final String PARENT_CONTEXT_INDEX = "ALTER TABLE `ParentContext`"
      + " ADD INDEX `idx_parentcontext_parent_context_id` (`parent_context_id`)";
  private static final String TYPE_NAME_INDEX =
      "ALTER TABLE `Type` ADD INDEX `idx_type_name` (`name`)";
  private static final String EXECUTION_TIME_INDEXES = "ALTER TABLE `Execution`"
      + " ADD INDEX `idx_execution_create_time_since_epoch` (`create_time_since_epoch`),"
      + " ADD INDEX `idx_execution_last_update_time_since_epoch`"
      + " (`last_update_time_since_epoch`)";
  private static final String CONTEXT_TIME_INDEXES = "ALTER TABLE `Context`"
      + " ADD INDEX `idx_context_create_time_since_epoch` (`create_time_since_epoch`),"
      + " ADD INDEX `idx_context_last_update_time_since_epoch` (`last_update_time_since_epoch`)";
  private static final String EVENT_PATH_INDEX =
      "ALTER TABLE `EventPath` ADD INDEX `idx_eventpath_event_id` (`event_id`)";

  /** Indexes on (name, is_custom_property, value), which filters on property values use. */
  private static final List<String> PROPERTY_INDEXES = List.of(
      addPropertyIndex("ArtifactProperty", "artifact", "int"),
      addPropertyIndex("ArtifactProperty", "artifact", "double"),
      addPropertyIndex("ArtifactProperty", "artifact", "string"),
      addPropertyIndex("ExecutionProperty", "execution", "int"),
      addPropertyIndex("ExecutionProperty", "execution", "double"),
      addPropertyIndex("ExecutionProperty", "execution", "string"),
      addPropertyIndex("ContextProperty", "context", "int"),
      addPropertyIndex("ContextProperty", "context", "double"),
      addPropertyIndex("ContextProperty", "context", "string"));

  private static final List<String> EXTERNAL_ID_INDEXES = List.of(
      "ALTER TABLE `Type` ADD INDEX `idx_type_external_id` (`external_id`)",
      "ALTER TABLE `Artifact` ADD INDEX `idx_artifact_external_id` (`external_id`)",
      "ALTER TABLE `Execution` ADD INDEX `idx_execution_external_id` (`external_id`)",
      "ALTER TABLE `Context` ADD INDEX `idx_context_external_id` (`external_id`)");

  /** The secondary indexes of version 10, in the order MLMD adds them. */
  private static final List<String> INDEXES = concat(
      List.of(ARTIFACT_INDEXES, EVENT_EXECUTION_INDEX, PARENT_CONTEXT_INDEX, TYPE_NAME_INDEX,
          EXECUTION_TIME_INDEXES, CONTEXT_TIME_INDEXES, EVENT_PATH_INDEX),
      PROPERTY_INDEXES,
      EXTERNAL_ID_INDEXES);

  /** MLMD's step from version {@code v - 1} to {@code v}, for every v from 1 to 10. */
  private static final Map<Integer, List<String>> UPGRADE_TO = Map.of(
      // 0.13.2 had no MLMDEnv table; the schema manager writes its row.
      1, List.of(CREATE_MLMD_ENV),
      // Types gain a kind: 0 execution, 1 artifact, and from now on 2 context.
      2, List.of(
          "ALTER TABLE `Type` CHANGE COLUMN `is_artifact_type` `type_kind` TINYINT(1) NOT NULL"),
      3, List.of("""
          CREATE TABLE IF NOT EXISTS `Context` (
            `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
            `type_id` INT NOT NULL,
            `name` VARCHAR(255) NOT NULL,
            UNIQUE (`type_id`, `name`)
          )""", """
          CREATE TABLE IF NOT EXISTS `ContextProperty` (
            `context_id` INT NOT NULL,
            `name` VARCHAR(255) NOT NULL,
            `is_custom_property` TINYINT(1) NOT NULL,
            `int_value` INT,
            `double_value` DOUBLE,
            `string_value` TEXT,
            PRIMARY KEY (`context_id`, `name`, `is_custom_property`)
          )"""),
      4, List.of(ASSOCIATION, ATTRIBUTION),
      // Node state, names unique per type, and timestamps (existing rows get 0).
      5, List.of("""
          ALTER TABLE `Artifact`
            ADD COLUMN `state` INT,
            ADD COLUMN `name` VARCHAR(255),
            ADD COLUMN `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
            ADD COLUMN `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
            ADD CONSTRAINT `UniqueArtifactTypeName` UNIQUE (`type_id`, `name`)""", """
          ALTER TABLE `Execution`
            ADD COLUMN `last_known_state` INT,
            ADD COLUMN `name` VARCHAR(255),
            ADD COLUMN `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
            ADD COLUMN `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
            ADD CONSTRAINT `UniqueExecutionTypeName` UNIQUE (`type_id`, `name`)""", """
          ALTER TABLE `Context`
            ADD COLUMN `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0,
            ADD COLUMN `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0"""),
      // Type inheritance, context parents, type versions, and the time and name indexes.
      6, List.of(PARENT_TYPE, PARENT_CONTEXT,
          "ALTER TABLE `Type` ADD COLUMN `version` VARCHAR(255), ADD COLUMN `description` TEXT",
          ARTIFACT_INDEXES,
          "ALTER TABLE `Event` ADD INDEX `idx_event_artifact_id` (`artifact_id`),"
              + " ADD INDEX `idx_event_execution_id` (`execution_id`)",
          PARENT_CONTEXT_INDEX,
          TYPE_NAME_INDEX,
          EXECUTION_TIME_INDEXES,
          CONTEXT_TIME_INDEXES),
      // Property values up to 16 MB, a (never written) bytes column, and paths by event.
      7, List.of(
          widenStrings("ArtifactProperty"),
          widenStrings("ExecutionProperty"),
          widenStrings("ContextProperty"),
          EVENT_PATH_INDEX),
      // Property indexes for filtering, and one event per (artifact, execution, type): of
      // duplicate events the newest (highest id) is kept, and paths of the others are dropped.
      8, concat(PROPERTY_INDEXES, List.of("""
          CREATE TABLE `EventTemp` (
            `id` INTEGER PRIMARY KEY AUTO_INCREMENT,
            `artifact_id` INT NOT NULL,
            `execution_id` INT NOT NULL,
            `type` INT NOT NULL,
            `milliseconds_since_epoch` BIGINT,
            CONSTRAINT `UniqueEvent` UNIQUE (`artifact_id`, `execution_id`, `type`)
          )""", """
          INSERT INTO `EventTemp`
            (`id`, `artifact_id`, `execution_id`, `type`, `milliseconds_since_epoch`)
          SELECT `id`, `artifact_id`, `execution_id`, `type`, `milliseconds_since_epoch`
          FROM `Event` AS e
          WHERE NOT EXISTS (
            SELECT 1 FROM `Event` AS newer
            WHERE newer.`artifact_id` = e.`artifact_id`
              AND newer.`execution_id` = e.`execution_id`
              AND newer.`type` = e.`type`
              AND newer.`id` > e.`id`)""",
          "DROP TABLE `Event`",
          "ALTER TABLE `EventTemp` RENAME TO `Event`,"
              + " ADD INDEX `idx_event_execution_id` (`execution_id`)",
          "DELETE FROM `EventPath` WHERE `event_id` NOT IN (SELECT `id` FROM `Event`)")),
      // Ids from the client's own system, unique where given. The unique keys get MLMD's names
      // here; in a new store they are named after the column, as MLMD's DDL leaves them.
      9, concat(List.of(
          addExternalId("Type", "UniqueTypeExternalId"),
          addExternalId("Artifact", "UniqueArtifactExternalId"),
          addExternalId("Execution", "UniqueExecutionExternalId"),
          addExternalId("Context", "UniqueContextExternalId")),
          EXTERNAL_ID_INDEXES),
      // Proto (Any) and boolean property values.
      10, List.of(
          addProtoAndBool("ArtifactProperty"),
          addProtoAndBool("ExecutionProperty"),
          addProtoAndBool("ContextProperty")));

  /** MLMD's step from version {@code v + 1} back to {@code v}, for every v from 0 to 9. */
  private static final Map<Integer, List<String>> DOWNGRADE_TO = Map.of(
      0, List.of("DROP TABLE IF EXISTS `MLMDEnv`"),
      // Context types go: 0.13.2 knew only artifact and execution types.
      1, List.of(
          "DELETE FROM `Type` WHERE `type_kind` = 2",
          "ALTER TABLE `Type` CHANGE COLUMN `type_kind` `is_artifact_type` TINYINT(1) NOT NULL"),
      2, List.of(
          "DROP TABLE IF EXISTS `Context`",
          "DROP TABLE IF EXISTS `ContextProperty`"),
      3, List.of(
          "DROP TABLE IF EXISTS `Association`",
          "DROP TABLE IF EXISTS `Attribution`"),
      4, List.of(
          "ALTER TABLE `Artifact` DROP INDEX `UniqueArtifactTypeName`",
          "ALTER TABLE `Artifact` DROP COLUMN `state`, DROP COLUMN `name`,"
              + " DROP COLUMN `create_time_since_epoch`,"
              + " DROP COLUMN `last_update_time_since_epoch`",
          "ALTER TABLE `Execution` DROP INDEX `UniqueExecutionTypeName`",
          "ALTER TABLE `Execution` DROP COLUMN `last_known_state`, DROP COLUMN `name`,"
              + " DROP COLUMN `create_time_since_epoch`,"
              + " DROP COLUMN `last_update_time_since_epoch`",
          "ALTER TABLE `Context` DROP COLUMN `create_time_since_epoch`,"
              + " DROP COLUMN `last_update_time_since_epoch`"),
      5, List.of(
          "DROP TABLE `ParentType`",
          "DROP TABLE `ParentContext`",
          "ALTER TABLE `Type` DROP COLUMN `version`, DROP COLUMN `description`",
          "ALTER TABLE `Artifact` DROP INDEX `idx_artifact_uri`,"
              + " DROP INDEX `idx_artifact_create_time_since_epoch`,"
              + " DROP INDEX `idx_artifact_last_update_time_since_epoch`",
          "ALTER TABLE `Event` DROP INDEX `idx_event_artifact_id`,"
              + " DROP INDEX `idx_event_execution_id`",
          "ALTER TABLE `Type` DROP INDEX `idx_type_name`",
          "ALTER TABLE `Execution` DROP INDEX `idx_execution_create_time_since_epoch`,"
              + " DROP INDEX `idx_execution_last_update_time_since_epoch`",
          "ALTER TABLE `Context` DROP INDEX `idx_context_create_time_since_epoch`,"
              + " DROP INDEX `idx_context_last_update_time_since_epoch`"),
      // String values longer than TEXT holds are cut, as MLMD does.
      6, concat(
          List.of(
              "ALTER TABLE `ArtifactProperty` DROP COLUMN `byte_value`",
              "ALTER TABLE `ExecutionProperty` DROP COLUMN `byte_value`",
              "ALTER TABLE `ContextProperty` DROP COLUMN `byte_value`",
              "ALTER TABLE `EventPath` DROP INDEX `idx_eventpath_event_id`"),
          narrowStrings("ArtifactProperty"),
          narrowStrings("ExecutionProperty"),
          narrowStrings("ContextProperty")),
      // Duplicate events are allowed again; the artifact index comes back in place of the
      // unique key that began with artifact_id.
      7, List.of(
          "ALTER TABLE `Event` DROP INDEX `UniqueEvent`",
          "ALTER TABLE `Event` ADD INDEX `idx_event_artifact_id` (`artifact_id`)",
          dropPropertyIndex("ArtifactProperty", "artifact", "int"),
          dropPropertyIndex("ArtifactProperty", "artifact", "double"),
          dropPropertyIndex("ArtifactProperty", "artifact", "string"),
          dropPropertyIndex("ExecutionProperty", "execution", "int"),
          dropPropertyIndex("ExecutionProperty", "execution", "double"),
          dropPropertyIndex("ExecutionProperty", "execution", "string"),
          dropPropertyIndex("ContextProperty", "context", "int"),
          dropPropertyIndex("ContextProperty", "context", "double"),
          dropPropertyIndex("ContextProperty", "context", "string")),
      // Dropping the column drops its unique key too, whichever name it has.
      8, List.of(
          "ALTER TABLE `Type` DROP INDEX `idx_type_external_id`",
          "ALTER TABLE `Artifact` DROP INDEX `idx_artifact_external_id`",
          "ALTER TABLE `Execution` DROP INDEX `idx_execution_external_id`",
          "ALTER TABLE `Context` DROP INDEX `idx_context_external_id`",
          "ALTER TABLE `Type` DROP COLUMN `external_id`",
          "ALTER TABLE `Artifact` DROP COLUMN `external_id`",
          "ALTER TABLE `Execution` DROP COLUMN `external_id`",
          "ALTER TABLE `Context` DROP COLUMN `external_id`"),
      9, List.of(
          "ALTER TABLE `ArtifactProperty` DROP COLUMN `proto_value`, DROP COLUMN `bool_value`",
          "ALTER TABLE `ExecutionProperty` DROP COLUMN `proto_value`, DROP COLUMN `bool_value`",
          "ALTER TABLE `ContextProperty` DROP COLUMN `proto_value`, DROP COLUMN `bool_value`"));

  @Override
  public List<String> create() {
    return concat(TABLES, INDEXES);
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
    return e.getErrorCode() == DUPLICATE_KEY_NAME;
  }

  private static List<String> step(Map<Integer, List<String>> steps, int version, int min,
      int max) {
    if (version < min || version > max) {
      throw new IllegalArgumentException(
          "No MySQL migration step to version " + version + "; steps go to " + min + ".." + max);
    }
    return steps.get(version);
  }

  private static String propertyTable(String table, String idColumn) {
    return "CREATE TABLE IF NOT EXISTS `" + table + "` (\n"
        + "  `" + idColumn + "` INT NOT NULL,\n"
        + "  `name` VARCHAR(255) NOT NULL,\n"
        + "  `is_custom_property` TINYINT(1) NOT NULL,\n"
        + "  `int_value` INT,\n"
        + "  `double_value` DOUBLE,\n"
        + "  `string_value` MEDIUMTEXT,\n"
        + "  `byte_value` MEDIUMBLOB,\n"
        + "  `proto_value` MEDIUMBLOB,\n"
        + "  `bool_value` BOOLEAN,\n"
        + "  PRIMARY KEY (`" + idColumn + "`, `name`, `is_custom_property`)\n"
        + ")";
  }

  /** An index on (name, is_custom_property, value) that filters on property values use. */
  private static String addPropertyIndex(String table, String node, String kind) {
    String value = kind.equals("string") ? "`string_value`(255)" : "`" + kind + "_value`";
    return "ALTER TABLE `" + table + "` ADD INDEX `idx_" + node + "_property_" + kind
        + "` (`name`, `is_custom_property`, " + value + ")";
  }

  private static String dropPropertyIndex(String table, String node, String kind) {
    return "ALTER TABLE `" + table + "` DROP INDEX `idx_" + node + "_property_" + kind + "`";
  }

  private static String widenStrings(String table) {
    return "ALTER TABLE `" + table + "` MODIFY COLUMN `string_value` MEDIUMTEXT,"
        + " ADD COLUMN `byte_value` MEDIUMBLOB";
  }

  /**
   * Cuts string values to what {@code TEXT} holds, then narrows the column. MLMD cuts at 65535
   * characters, which is enough in a one-byte charset; in utf8mb4 a value may still be too many
   * bytes, and the narrowing fails ("Data too long"). Such values are cut further, at character
   * boundaries: first in proportion to their bytes per character (exact when all characters are
   * as wide), then by as many characters as there are bytes too many, which always fits.
   */
  private static List<String> narrowStrings(String table) {
    String update = "UPDATE `" + table + "` SET `string_value` = SUBSTRING(`string_value`, 1, ";
    String tooLong = " WHERE LENGTH(`string_value`) > " + TEXT_BYTES;
    return List.of(
        update + TEXT_BYTES + ")",
        update + "FLOOR(CHAR_LENGTH(`string_value`) * " + TEXT_BYTES
            + " / LENGTH(`string_value`)))" + tooLong,
        // 16383 characters of at most 4 bytes always fit.
        update + "GREATEST(CHAR_LENGTH(`string_value`) - (LENGTH(`string_value`) - "
            + TEXT_BYTES + "), " + TEXT_BYTES / 4 + "))" + tooLong,
        "ALTER TABLE `" + table + "` MODIFY COLUMN `string_value` TEXT");
  }

  private static String addExternalId(String table, String constraint) {
    return "ALTER TABLE `" + table + "` ADD COLUMN `external_id` VARCHAR(255),"
        + " ADD CONSTRAINT `" + constraint + "` UNIQUE (`external_id`)";
  }

  private static String addProtoAndBool(String table) {
    return "ALTER TABLE `" + table + "` ADD COLUMN `proto_value` MEDIUMBLOB,"
        + " ADD COLUMN `bool_value` BOOLEAN";
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
