package io.mlmd4j.ci.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jOOQ reads the schema through {@code meta()} and runs the SQL it generates. It picks its dialect
 * from the URL the driver reports: it must not take the store for plain SQLite or MySQL.
 */
class JooqTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void metaSeesTheLogicalSchema(Store store) throws Exception {
    try (Connection c = store.open()) {
      DSLContext ctx = DSL.using(c);
      assertThat(ctx.dialect()).isEqualTo(SQLDialect.DEFAULT);
      assertThat(JDBCUtils.dialect(c)).isEqualTo(SQLDialect.DEFAULT);

      Meta meta = ctx.meta();
      assertThat(meta.getSchemas()).extracting(s -> s.getName())
          .contains("artifact", "context", "execution", "mlmd");
      // Neither MLMD's tables nor the backend's own.
      assertThat(meta.getTables()).extracting(Table::getName)
          .doesNotContain("Artifact", "Type", "MLMDEnv", "sqlite_master", "sqlite_sequence")
          .noneMatch(name -> name.startsWith("mlmd."));
      Table<?> artifacts = meta.getTables("artifacts").stream()
          .filter(t -> t.getSchema().getName().equals("mlmd")).findFirst().orElseThrow();
      assertThat(artifacts.fields()).extracting(Field::getName).containsExactly("id", "type_id",
          "type", "name", "uri", "state", "external_id", "create_time_since_epoch",
          "last_update_time_since_epoch");
      assertThat(artifacts.field("id").getDataType().getSQLDataType())
          .isEqualTo(org.jooq.impl.SQLDataType.BIGINT);
      assertThat(artifacts.field("id").getDataType().nullable()).isFalse();
      assertThat(artifacts.getComment()).isNotBlank();
      assertThat(artifacts.getPrimaryKey().getFields()).extracting(Field::getName)
          .containsExactly("id");

      Table<?> events = meta.getTables("events").get(0);
      Map<String, String> references = events.getReferences().stream().collect(
          Collectors.toMap(k -> k.getFields().get(0).getName(),
              k -> k.getKey().getTable().getName() + "." + k.getKeyFields().get(0).getName()));
      assertThat(references).containsEntry("artifact_id", "artifacts.id")
          .containsEntry("execution_id", "executions.id");

      Table<?> typed = meta.getSchemas("artifact").get(0).getTable(Store.ARTIFACT_TYPE);
      assertThat(typed).isNotNull();
      assertThat(typed.field(Store.INT_PROPERTY).getDataType().getSQLDataType())
          .isEqualTo(org.jooq.impl.SQLDataType.BIGINT);
      List<? extends ForeignKey<?, ?>> typedKeys = typed.getReferences();
      assertThat(typedKeys).extracting(k -> k.getKey().getTable().getName())
          .contains("artifacts");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void runsTheQueriesItGenerates(Store store) throws Exception {
    try (Connection c = store.open()) {
      DSLContext ctx = DSL.using(c, SQLDialect.DEFAULT);
      Table<?> artifacts = DSL.table(DSL.name("mlmd", "artifacts"));
      Field<String> type = DSL.field(DSL.name("type"), String.class);
      Field<Long> id = DSL.field(DSL.name("id"), Long.class);
      Result<Record2<String, Integer>> byType = ctx.select(type, DSL.count()).from(artifacts)
          .where(id.gt(0L)).groupBy(type).orderBy(DSL.count().desc(), type).fetch();
      assertThat(byType).isNotEmpty();
      assertThat(byType.getValues(type)).contains(Store.ARTIFACT_TYPE);
      long total = ctx.selectCount().from(artifacts).fetchOne(0, Long.class);
      assertThat(byType.stream().mapToLong(r -> r.value2()).sum()).isEqualTo(total);

      Table<?> typed = DSL.table(DSL.name("artifact", Store.ARTIFACT_TYPE));
      Field<Long> span = DSL.field(DSL.name(Store.INT_PROPERTY), Long.class);
      List<Long> spans = ctx.select(span).from(typed).where(span.isNotNull())
          .orderBy(span).limit(3).fetch(span);
      assertThat(spans).isNotEmpty().isSorted();
    }
  }
}
