package io.mlmd4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.grammar.ast.NodeKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ANTLR's default listener prints errors to the console; the parsers must print nothing. */
class NoConsoleOutputTest {

  @Test
  void errorsReachTheCallerOnly() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      for (String filter : new String[] {"invalid syntax", "name = 'x", "id = = 1", "# 1",
          "(id = 1", "id IN ()", "properties.`x"}) {
        assertThatThrownBy(() -> FilterQueries.parse(filter, NodeKind.ARTIFACT))
            .isInstanceOf(QuerySyntaxException.class);
      }
      for (String statement : new String[] {"LINEAGE", "LINEAGE OF ARTIFACTS WHERE id = 1 MAX",
          "CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (1,)", "LINEAGE OF ARTIFACTS WHERE ?"}) {
        assertThatThrownBy(() -> Lql.parse(statement))
            .isInstanceOf(QuerySyntaxException.class);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
