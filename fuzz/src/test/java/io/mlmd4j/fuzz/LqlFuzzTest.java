package io.mlmd4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LQL statements, generated and mutated, through the grammar and {@code MetadataStore.query}. */
class LqlFuzzTest {

  @Test
  void lqlFailsOnlyCleanly() throws Exception {
    try (DemoStore demo = DemoStore.fake()) {
      LqlGenerator generator = new LqlGenerator(demo.words);
      Fuzzer.Result result = new Fuzzer("lql", 1_000_000, 6).run(
          Mutator.mixed(generator::statement, Corpus.load("lql")),
          Targets.lql(demo.store), KnownFailures.load());
      assertThat(result.unknown().size()).as(() -> Fuzzer.message(result)).isZero();
    }
  }
}
