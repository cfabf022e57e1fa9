package io.mlmd4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.grammar.ast.NodeKind;
import org.junit.jupiter.api.Test;

/** Filter queries, generated and mutated, through the grammar and {@code Get*}'s filter_query. */
class FilterQueryFuzzTest {

  @Test
  void filterQueriesFailOnlyCleanly() throws Exception {
    try (DemoStore demo = DemoStore.fake()) {
      FilterGenerator generator = new FilterGenerator(demo.words);
      NodeKind[] kinds = NodeKind.values();
      Fuzzer.Result result = new Fuzzer("filter", 1_000_000, 6).run(
          Mutator.mixed(r -> generator.filter(r, kinds[r.nextInt(kinds.length)]),
              Corpus.load("filter")),
          Targets.filters(demo.store), KnownFailures.load());
      assertThat(result.unknown().size()).as(() -> Fuzzer.message(result)).isZero();
    }
  }
}
