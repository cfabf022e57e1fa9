package io.mlmd4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL (and LQL) statements, generated and mutated, through the JDBC driver; the store's rows
 * are the same afterwards.
 */
class SqlFuzzTest {

  @Test
  void sqlFailsOnlyCleanlyAndWritesNothing() throws Exception {
    try (DemoStore demo = DemoStore.fake()) {
      List<Long> before = demo.rowCounts();
      SqlGenerator generator = new SqlGenerator(demo.connection, demo.words);
      Fuzzer.Result result = new Fuzzer("sql", 1_000_000, 12).run(
          Mutator.mixed(generator::statement, Corpus.load("sql")),
          Targets.sql(demo.connection), KnownFailures.load());
      assertThat(result.unknown().size()).as(() -> Fuzzer.message(result)).isZero();
      assertThat(demo.rowCounts()).as("row counts of every table").isEqualTo(before);
    }
  }
}
