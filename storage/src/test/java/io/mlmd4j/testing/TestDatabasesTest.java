package io.mlmd4j.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {

  @Test
  void anEmbeddedServerThatCannotStartSaysWhatTheServerPrinted() {
    assertThatThrownBy(() -> TestDatabases.startEmbeddedMariaDb("--no-such-option"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot start an embedded MariaDB in ")
        .hasMessageContaining("unknown option '--no-such-option'");
  }
}
