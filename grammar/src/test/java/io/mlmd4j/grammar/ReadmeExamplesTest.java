package io.mlmd4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.grammar.ast.LqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The LQL examples of the module's README, the user documentation, parse and round-trip. */
class ReadmeExamplesTest {

  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyLqlExampleParses() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> statements = new ArrayList<>();
    Matcher block = SQL_BLOCK.matcher(readme);
    while (block.find()) {
      for (String statement : block.group(1).split("\n\\s*\n")) {
        statements.add(statement);
      }
    }
    assertThat(statements).hasSize(6);
    for (String text : statements) {
      LqlStatement statement = Lql.parse(text);
      assertThat(Lql.parse(statement.unparse())).as(text).isEqualTo(statement);
    }
  }
}
