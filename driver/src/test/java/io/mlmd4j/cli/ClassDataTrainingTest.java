package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataTrainingTest {

  /** Every command the training runs succeeds: a failing one would leave `./mlmd` unarchived. */
  @Test
  void runsEveryCommandOnItsOwnDemoStore(@TempDir Path dir) {
    assertThat(ClassDataTraining.train(dir)).isZero();
    assertThat(dir.resolve("demo.sqlite")).isRegularFile();
  }
}
