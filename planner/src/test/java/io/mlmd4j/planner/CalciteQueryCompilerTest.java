package io.mlmd4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MlmdException;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.LineagePlan;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompilers;
import io.mlmd4j.store.spi.SqlCondition;
import io.mlmd4j.store.spi.SqlTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiler as a service: found by the store, caching, and SQL free of user text. */
class CalciteQueryCompilerTest {

  static final SqlTarget SQLITE = new SqlTarget(Dialect.SQLITE, 3, 50, false);
  static final SqlTarget MARIADB = new SqlTarget(Dialect.MYSQL, 11, 4, true);

  @Test
  void theStoreFindsItOnTheClassPath() {
    assertThat(QueryCompilers.require("test")).isInstanceOf(CalciteQueryCompiler.class);
  }

  @Test
  void eachDistinctQueryIsPlannedOnce() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    SqlCondition first = compiler.compileFilter("name = 'a'", NodeTable.ARTIFACT, SQLITE);
    assertThat(compiler.compileFilter("name = 'a'", NodeTable.ARTIFACT, SQLITE))
        .isSameAs(first);
    assertThat(compiler.cachedFilters()).isEqualTo(1);
    SqlCondition otherKind = compiler.compileFilter("name = 'a'", NodeTable.CONTEXT, SQLITE);
    SqlCondition otherBackend = compiler.compileFilter("name = 'a'", NodeTable.ARTIFACT, MARIADB);
    assertThat(otherKind.sql()).contains("Context").doesNotContain("Artifact");
    assertThat(otherBackend.sql()).contains("`Artifact`");
    assertThat(compiler.cachedFilters()).isEqualTo(3);
  }

  @Test
  void valuesAreParametersNeverText() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    SqlCondition c = compiler.compileFilter("name = 'x'' OR 1=1' OR uri LIKE \"%evil`\""
        .replace("'' OR 1=1'", "\\' OR 1=1'")
        + " OR properties.`p'q`.int_value > 12345 OR custom_properties.d.double_value < 0.25",
        NodeTable.ARTIFACT, SQLITE);
    assertThat(c.sql()).doesNotContain("OR 1=1").doesNotContain("evil").doesNotContain("p'q")
        .doesNotContain("12345").doesNotContain("0.25");
    assertThat(c.parameters()).contains("x' OR 1=1", "%evil`", "p'q", 12345L, 0.25);
    assertThat(c.sql().chars().filter(ch -> ch == '?').count())
        .isEqualTo(c.parameters().size());
  }

  @Test
  void joinsPerAliasWithTheParametersInTheOrderOfTheirMarkers() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    // the property join's name is bound in the FROM clause, before the WHERE values
    SqlCondition c = compiler.compileFilter("name = 'n' AND properties.p.int_value = 7"
        + " AND contexts_a.name = 'c1' AND contexts_b.name = 'c2'", NodeTable.EXECUTION,
        MARIADB);
    assertThat(c.sql()).startsWith("n.id IN (SELECT ");
    assertThat(c.sql().split("INNER JOIN `Association`", -1)).hasSize(3);
    assertThat(c.parameters()).containsExactly("p", "n", 7L, "c1", "c2");
  }

  @Test
  void errorsAreInvalidArgumentsAndAreNotCached() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    assertThatThrownBy(() -> compiler.compileFilter("name = ", NodeTable.ARTIFACT, SQLITE))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).startsWith("Invalid filter_query on artifacts: line 1:8");
        });
    assertThat(compiler.cachedFilters()).isZero();
  }

  @Test
  void walksAreRecursiveWhereTheServerHasRecursiveQueries() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE id = 1 RETURN ARTIFACTS";
    SqlTarget mysql57 = new SqlTarget(Dialect.MYSQL, 5, 7, false);
    SqlTarget mariaDb101 = new SqlTarget(Dialect.MYSQL, 10, 1, true);
    SqlTarget mysql8 = new SqlTarget(Dialect.MYSQL, 8, 0, false);
    for (SqlTarget t : List.of(mysql57, mariaDb101, SQLITE.withoutRecursiveQueries(),
        MARIADB.withoutRecursiveQueries())) {
      LineagePlan plan = (LineagePlan) compiler.planLql(lql, t);
      assertThat(plan.walk()).as("%s", t).isNull();
      assertThat(plan.distances()).isNull();
      assertThat(plan.hops().fromArtifacts().before()).doesNotContain("RECURSIVE");
    }
    for (SqlTarget t : List.of(SQLITE, MARIADB, mysql8,
        new SqlTarget(Dialect.MYSQL, 10, 2, true))) {
      LineagePlan plan = (LineagePlan) compiler.planLql(lql, t);
      assertThat(plan.hops()).as("%s", t).isNull();
      assertThat(plan.walk().sql()).contains("WITH RECURSIVE");
      assertThat(plan.distances().query().sql()).contains("WITH RECURSIVE");
      assertThat(plan.distances().cut()).isEqualTo(LqlPlanner.DISTANCE_CUT);
    }
    // The cap on a recursive query's rounds is lifted for the statement: MySQL 8 by a hint,
    // MariaDB by SET STATEMENT.
    LineagePlan onMysql8 = (LineagePlan) compiler.planLql(lql, mysql8);
    assertThat(onMysql8.walk().sql())
        .contains("SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */");
    assertThat(((LineagePlan) compiler.planLql(lql, MARIADB)).walk().sql())
        .startsWith("SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE");
    assertThat(((LineagePlan) compiler.planLql(lql, SQLITE)).walk().sql())
        .startsWith("WITH RECURSIVE").doesNotContain("/*+");
  }

  @Test
  void walksWithEventsOrBothWaysHaveNoDistanceQuery() {
    CalciteQueryCompiler compiler = new CalciteQueryCompiler();
    String from = "LINEAGE %s OF ARTIFACTS WHERE id = 1%s RETURN %s";
    assertThat(((LineagePlan) compiler.planLql(String.format(from, "UPSTREAM", "",
        "ARTIFACTS, EVENTS"), SQLITE)).distances()).isNull();
    assertThat(((LineagePlan) compiler.planLql(String.format(from, "BOTH", "",
        "ARTIFACTS"), SQLITE)).distances()).isNull();
    // a limit under the cut is the only one: nothing to run again
    assertThat(((LineagePlan) compiler.planLql(String.format(from, "DOWNSTREAM",
        " MAX HOPS 10", "EXECUTIONS"), SQLITE)).distances().cut()).isZero();
  }
}
