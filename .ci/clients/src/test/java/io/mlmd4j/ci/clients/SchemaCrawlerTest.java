package io.mlmd4j.ci.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/** SchemaCrawler crawls everything, as a schema browser does, and sees the logical schema. */
class SchemaCrawlerTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void crawlsTheWholeLogicalSchema(Store store) throws Exception {
    Catalog catalog;
    List<String> schemaFunctions;
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    // SchemaCrawler logs what a driver's metadata could not answer, and goes on.
    Logger logger = Logger.getLogger("schemacrawler");
    logger.setLevel(Level.WARNING);
    logger.addHandler(handler);
    try (Connection c = store.open()) {
      SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
          .withLimitOptions(LimitOptionsBuilder.builder().includeAllRoutines().toOptions())
          .withLoadOptions(LoadOptionsBuilder.builder()
              .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
      catalog = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(c),
          options);
      assertThat(c.isClosed()).isFalse();
      schemaFunctions = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getFunctions(null, "%", "%")) {
        while (rs.next()) {
          schemaFunctions.add(rs.getString("FUNCTION_SCHEM") + "."
              + rs.getString("FUNCTION_NAME"));
        }
      }
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(warnings).as("SchemaCrawler's warnings").isEmpty();

    assertThat(catalog.getDatabaseInfo().getProductName()).isEqualTo("mlmd4j");
    assertThat(catalog.getJdbcDriverInfo().getDriverName()).isEqualTo("mlmd4j JDBC driver");
    assertThat(catalog.getSchemas()).extracting(Schema::getName)
        .containsExactlyInAnyOrder("artifact", "context", "execution", "mlmd");

    Map<String, Table> tables = catalog.getTables().stream()
        .collect(Collectors.toMap(t -> t.getSchema().getName() + "." + t.getName(), t -> t));
    assertThat(tables).containsKeys("mlmd.artifacts", "mlmd.executions", "mlmd.contexts",
        "mlmd.artifact_properties", "mlmd.events", "mlmd.event_path_steps", "mlmd.attributions",
        "mlmd.associations", "mlmd.parent_contexts", "mlmd.artifact_types",
        "mlmd.execution_type_properties", "artifact." + Store.ARTIFACT_TYPE);
    // Neither MLMD's tables nor the backend's own.
    assertThat(tables.keySet()).noneMatch(t -> t.equals("mlmd.Artifact")
        || t.contains("MLMDEnv") || t.contains("sqlite_") || t.contains("information_schema")
        || t.contains("mlmd.Dataset"));
    for (Table t : tables.values()) {
      assertThat(t.getRemarks()).as("remarks of %s", t).isNotBlank();
      assertThat(t.getColumns()).as("columns of %s", t).isNotEmpty();
      assertThat(t.getColumns()).allSatisfy(col -> {
        assertThat(col.getColumnDataType().getName()).as("type of %s", col)
            .matches("[A-Z]+").doesNotContain("NOT NULL");
        assertThat(col.getRemarks()).as("remarks of %s", col).isNotBlank();
      });
    }

    Table artifacts = tables.get("mlmd.artifacts");
    assertThat(artifacts.getColumns()).extracting(Column::getName).containsExactly("id",
        "type_id", "type", "name", "uri", "state", "external_id", "create_time_since_epoch",
        "last_update_time_since_epoch");
    assertThat(artifacts.getPrimaryKey().getConstrainedColumns()).extracting(Column::getName)
        .containsExactly("id");
    assertThat(artifacts.getIndexes()).singleElement().satisfies(i -> {
      assertThat(i.isUnique()).isTrue();
      assertThat(i.getColumns()).extracting(Column::getName).containsExactly("id");
    });
    assertThat(artifacts.lookupColumn("id").map(col -> col.getColumnDataType().getJavaSqlType()
        .getVendorTypeNumber())).contains(Types.BIGINT);

    assertThat(references(tables.get("mlmd.events"))).containsExactlyInAnyOrder(
        "mlmd.events.artifact_id -> mlmd.artifacts.id",
        "mlmd.events.execution_id -> mlmd.executions.id");
    Table typed = tables.get("artifact." + Store.ARTIFACT_TYPE);
    assertThat(typed.lookupColumn(Store.INT_PROPERTY).map(col -> col.getColumnDataType()
        .getName())).contains("BIGINT");
    assertThat(references(typed)).contains(
        "artifact." + Store.ARTIFACT_TYPE + ".id -> mlmd.artifacts.id");
    assertThat(typed.getPrimaryKey().getConstrainedColumns()).extracting(Column::getName)
        .containsExactly("id");

    // Routines are crawled per schema: the schemas' functions, not SQL's built-in ones.
    assertThat(catalog.getRoutines()).extracting(r -> r.getSchema().getName() + "." + r.getName())
        .containsExactlyInAnyOrderElementsOf(schemaFunctions);
    assertThat(catalog.getColumnDataTypes()).extracting(t -> t.getName())
        .contains("BIGINT", "VARCHAR", "DOUBLE", "BOOLEAN");
  }

  private static List<String> references(Table t) {
    return t.getImportedForeignKeys().stream().map(ForeignKey::getColumnReferences)
        .flatMap(List::stream).map(SchemaCrawlerTest::reference).toList();
  }

  private static String reference(ColumnReference r) {
    return name(r.getForeignKeyColumn()) + " -> " + name(r.getPrimaryKeyColumn());
  }

  private static String name(Column c) {
    return c.getSchema().getName() + "." + c.getParent().getName() + "." + c.getName();
  }

}
