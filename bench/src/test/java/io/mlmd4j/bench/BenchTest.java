package io.mlmd4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every benchmark runs through at a tiny size on both backends and measures both sides: their
 * checks that the two sides wrote and read the same rows pass. Nothing here is timed.
 */
class BenchTest {

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void everyBenchmarkMeasuresBothSides(Backend backend) throws Exception {
    TfxWorkload workload = new TfxWorkload("bench", 1);
    List<Row> rows = new ArrayList<>();
    try (BenchDatabases databases = new BenchDatabases(TestDatabases.mysqlServer())) {
      rows.addAll(new PutArtifactsBench(databases, workload, 30, 0, 1).run(backend));
      rows.addAll(new PutExecutionBench(databases, workload, 20).run(backend));
      rows.addAll(new ReadBench(databases, workload, 30, 0, 1).run(backend));
    }
    assertThat(rows).extracting(Row::operation).containsExactlyElementsOf(backend == Backend.MYSQL
        ? List.of("putArtifacts 30 x 5 props", "putExecution 3 in, 2 out, 2 ctx",
            "  round trips a call, JDBC", "  round trips a call, server Questions",
            "getArtifactsByID 30", "getArtifactsByContext 30")
        : List.of("putArtifacts 30 x 5 props", "putExecution 3 in, 2 out, 2 ctx",
            "  round trips a call, JDBC", "getArtifactsByID 30", "getArtifactsByContext 30"));
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.note()).isEmpty();
      assertThat(r.mlmd4j()).isPositive();
      assertThat(r.baseline()).isPositive();
    });
  }

  /**
   * The driver's benchmark reads through the driver what plain JDBC reads (its fresh-JVM runs
   * need the built jar and are left out here).
   */
  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void driverBenchmarkReadsWhatPlainJdbcReads(Backend backend) throws Exception {
    List<Row> rows;
    try (BenchDatabases databases = new BenchDatabases(TestDatabases.mysqlServer())) {
      rows = new DriverBench(databases, new TfxWorkload("bench", 1), 30, 0, 1, null)
          .run(backend);
    }
    assertThat(rows).extracting(Row::operation).containsExactly(
        "point query re-executed, PreparedStatement",
        "point query, a new PreparedStatement per call", "ad-hoc point query, Statement",
        "ad-hoc join + group + sort + limit, Statement");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.mlmd4j()).isPositive();
      assertThat(r.baseline()).isPositive();
    });
  }
}
