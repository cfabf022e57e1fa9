package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.StoreDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening a store on each backend the way MLMD's {@code InitMetadataStoreIfNotExists} does:
 * creating the schema in an empty database, opening it again unchanged, refusing schemas it
 * cannot use as they stand, and MLMD's downgrade and upgrade migrations.
 */
class OpenStoreTest {

  private static final List<String> TABLES = List.of("Artifact", "ArtifactProperty",
      "Association", "Attribution", "Context", "ContextProperty", "Event", "EventPath",
      "Execution", "ExecutionProperty", "MLMDEnv", "ParentContext", "ParentType", "Type",
      "TypeProperty");

  private static final String SIMPLE_TYPES =
      "SELECT id, name, type_kind, version FROM Type WHERE name LIKE 'mlmd.%' ORDER BY id";

  /** MLMD's 9 simple types as a new store holds them: id, name, kind (1 artifact, 0 execution). */
  private static final List<String> SIMPLE_TYPE_ROWS = List.of(
      "1|mlmd.Dataset|1|null", "2|mlmd.Model|1|null", "3|mlmd.Metrics|1|null",
      "4|mlmd.Statistics|1|null", "5|mlmd.Train|0|null", "6|mlmd.Transform|0|null",
      "7|mlmd.Process|0|null", "8|mlmd.Evaluate|0|null", "9|mlmd.Deploy|0|null");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void newStoreHoldsTheSchemaAndTheSimpleTypes(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      assertThat(db.version()).isEqualTo(-1);
      db.open();
      assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("10");
      assertThat(db.rows(SIMPLE_TYPES)).containsExactlyElementsOf(SIMPLE_TYPE_ROWS);
      assertThat(db.rows("SELECT COUNT(*) FROM Type")).containsExactly("9");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void reopeningChangesNothing(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("INSERT INTO Type (name, type_kind) VALUES ('Examples', 1)");
      for (int i = 0; i < 3; i++) {
        db.open();
        assertThat(db.version()).isEqualTo(10);
        assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("10");
        assertThat(db.rows(SIMPLE_TYPES)).containsExactlyElementsOf(SIMPLE_TYPE_ROWS);
        assertThat(db.rows("SELECT id, name FROM Type WHERE name = 'Examples'"))
            .containsExactly("10|Examples");
        assertThat(db.rows("SELECT COUNT(*) FROM Type")).containsExactly("10");
      }
    }
  }

  /** A simple type someone deleted is put back by the next open; the others keep their ids. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void openingPutsBackAMissingSimpleType(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DELETE FROM Type WHERE name = 'mlmd.Metrics'");
      db.open();
      assertThat(db.rows("SELECT id, name FROM Type WHERE name LIKE 'mlmd.%' ORDER BY id"))
          .hasSize(9)
          .startsWith("1|mlmd.Dataset", "2|mlmd.Model", "4|mlmd.Statistics")
          .endsWith("10|mlmd.Metrics");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMissingTableIsAborted(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DROP TABLE Attribution");
      assertFails(db::open, Code.ABORTED, "subset of tables", "[Attribution] missing");
      assertThat(db.tables()).doesNotContain("Attribution").hasSize(14);
    }
  }

  /** MLMD tables without MLMDEnv (and not 0.13.2's) are a half-made schema, not version 0. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void tablesWithoutMlmdEnvAreAborted(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DROP TABLE MLMDEnv");
      assertFails(db::open, Code.ABORTED, "subset of tables", "no MLMDEnv");
      assertFails(() -> db.open("enableUpgradeMigration=true"), Code.ABORTED, "no MLMDEnv");
      assertThat(db.tables()).hasSize(14);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEmptyMlmdEnvIsAborted(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DELETE FROM MLMDEnv");
      assertFails(db::open, Code.ABORTED, "MLMDEnv table exists but holds no schema_version");
      assertThat(db.rows("SELECT COUNT(*) FROM MLMDEnv")).containsExactly("0");
    }
  }

  /**
   * A creation cut off (its process killed) leaves empty tables, some missing, and no version
   * row: the next open finishes it.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCreationCutOffIsFinished(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DELETE FROM Type", "DELETE FROM MLMDEnv", "DROP TABLE Attribution",
          "DROP TABLE Association");
      db.open();
      assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("10");
      assertThat(db.rows("SELECT name FROM Type ORDER BY id")).containsExactly("mlmd.Dataset",
          "mlmd.Model", "mlmd.Metrics", "mlmd.Statistics", "mlmd.Train", "mlmd.Transform",
          "mlmd.Process", "mlmd.Evaluate", "mlmd.Deploy");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCreationCutOffBeforeMlmdEnvIsFinished(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("DELETE FROM Type", "DROP TABLE MLMDEnv", "DROP TABLE Context");
      db.open();
      assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("10");
      assertThat(db.rows("SELECT COUNT(*) FROM Type")).containsExactly("9");
    }
  }

  /**
   * Version 0's tables beside an empty MLMDEnv are an upgrade cut off, not a creation: creating
   * the missing tables around 0.13.2's Type would not make version 10.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void version0TablesWithAnEmptyMlmdEnvAreNotFinished(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      downgrade(db, 0);
      db.execute("DELETE FROM Type", "CREATE TABLE MLMDEnv (schema_version INTEGER PRIMARY KEY)");
      List<String> tables = db.tables();
      assertFails(db::open, Code.ABORTED, "MLMDEnv table exists but holds no schema_version");
      assertThat(db.tables()).isEqualTo(tables);
      assertThat(db.rows("SELECT COUNT(*) FROM MLMDEnv")).containsExactly("0");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void twoVersionRowsAreDataLoss(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("INSERT INTO MLMDEnv (schema_version) VALUES (9)");
      assertFails(db::open, Code.DATA_LOSS, "more than one schema_version");
    }
  }

  /** A newer schema is refused whatever the options, and left as it is. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void newerVersionIsRefused(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute("UPDATE MLMDEnv SET schema_version = 11");
      for (String[] options : List.of(new String[0],
          new String[] {"enableUpgradeMigration=true"},
          new String[] {"downgradeToSchemaVersion=5"})) {
        assertFails(() -> db.open(options), Code.FAILED_PRECONDITION,
            "version 11 is greater than library version 10");
      }
      assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("11");
      assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void olderVersionNeedsUpgradeMigration(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      downgrade(db, 9);
      assertFails(db::open, Code.FAILED_PRECONDITION, "version 9 is older than library version"
          + " 10", "migration is disabled", "enableUpgradeMigration=true");
      assertThat(db.version()).isEqualTo(9);
      db.open("enableUpgradeMigration=true");
      assertThat(db.version()).isEqualTo(10);
    }
  }

  /**
   * Down to each older version MLMD offers and up again: MLMDEnv says the version reached, and
   * after the upgrade every row the older version had a place for is back, simple types with
   * their ids.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void downgradeToEachVersionAndUpAgainKeepsTheRows(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      db.execute(
          "INSERT INTO Type (id, name, type_kind) VALUES (100, 'Examples', 1),"
              + " (101, 'Trainer', 0), (102, 'pipeline', 2)",
          "INSERT INTO TypeProperty (type_id, name, data_type) VALUES (100, 'span', 1)",
          "INSERT INTO Artifact (id, type_id, uri, state, name) VALUES (1, 100, '/data/a', 2,"
              + " 'a'), (2, 100, NULL, NULL, NULL)",
          "INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property, int_value,"
              + " double_value, string_value) VALUES (1, 'span', 0, 3, NULL, NULL),"
              + " (1, 'note', 1, NULL, NULL, 'hello'), (2, 'score', 1, NULL, 0.5, NULL)",
          "INSERT INTO Execution (id, type_id, last_known_state) VALUES (1, 101, 3)",
          "INSERT INTO ExecutionProperty (execution_id, name, is_custom_property, int_value)"
              + " VALUES (1, 'steps', 1, 100)",
          "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
              + " VALUES (1, 1, 1, 4, 1000), (2, 2, 1, 3, NULL)",
          "INSERT INTO EventPath (event_id, is_index_step, step_index, step_key)"
              + " VALUES (1, 0, NULL, 'out'), (1, 1, 0, NULL), (2, 1, 7, NULL)",
          "INSERT INTO Context (id, type_id, name) VALUES (1, 102, 'run-1')");
      List<String> queries = List.of(SIMPLE_TYPES,
          "SELECT id, name, type_kind FROM Type WHERE id >= 100 AND type_kind < 2 ORDER BY id",
          "SELECT type_id, name, data_type FROM TypeProperty ORDER BY type_id, name",
          "SELECT id, type_id, uri FROM Artifact ORDER BY id",
          "SELECT artifact_id, name, is_custom_property, int_value, double_value, string_value"
              + " FROM ArtifactProperty ORDER BY artifact_id, name",
          "SELECT id, type_id FROM Execution ORDER BY id",
          "SELECT execution_id, name, is_custom_property, int_value FROM ExecutionProperty",
          "SELECT id, artifact_id, execution_id, type, milliseconds_since_epoch FROM Event"
              + " ORDER BY id",
          "SELECT event_id, is_index_step, step_index, step_key FROM EventPath"
              + " ORDER BY event_id, is_index_step, step_index, step_key");
      List<List<String>> before = queries.stream().map(db::rows).toList();

      for (int version = 9; version >= 0; version--) {
        downgrade(db, version);
        assertThat(db.version()).isEqualTo(version);
        if (version > 0) {
          assertThat(db.rows("SELECT schema_version FROM MLMDEnv"))
              .containsExactly(String.valueOf(version));
        } else {
          assertThat(db.tables()).doesNotContain("MLMDEnv");
        }

        db.open("enableUpgradeMigration=true");

        assertThat(db.version()).isEqualTo(10);
        assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(queries.stream().map(db::rows).toList()).as("back from version %d", version)
            .isEqualTo(before);
        // Context types go at version 1, contexts at version 2, as in MLMD.
        assertThat(db.rows("SELECT COUNT(*) FROM Type WHERE type_kind = 2"))
            .containsExactly(version >= 2 ? "1" : "0");
        assertThat(db.rows("SELECT COUNT(*) FROM Context"))
            .containsExactly(version >= 3 ? "1" : "0");
      }
    }
  }

  /** Downgrading to the library's own version changes nothing, and still ends the connection. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void downgradeToTheCurrentVersionChangesNothing(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      downgrade(db, 10);
      assertThat(db.version()).isEqualTo(10);
      assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(TABLES);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void downgradeTargetsAboveTheLibraryVersionAreInvalid(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      db.open();
      for (long target : new long[] {11, 12, Long.MAX_VALUE}) {
        assertFails(() -> db.open("downgradeToSchemaVersion=" + target), Code.INVALID_ARGUMENT,
            "cannot be downgraded to schema_version: " + target);
      }
      assertThat(db.version()).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void downgradingAnEmptyDatabaseIsInvalid(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend)) {
      assertFails(() -> db.open("downgradeToSchemaVersion=5"), Code.INVALID_ARGUMENT,
          "Empty database");
      assertThat(db.tables()).isEmpty();
    }
  }

  private static void downgrade(StoreDatabase db, int version) {
    assertFails(() -> db.open("downgradeToSchemaVersion=" + version), Code.CANCELLED,
        "Downgrade migration was performed", "at schema version " + version + ".");
  }

  static void assertFails(ThrowingCallable call, Code code, String... message) {
    assertFails(call, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }

  static void assertFails(ThrowingCallable call, Consumer<MlmdException> check) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MlmdException.class, check);
  }
}
