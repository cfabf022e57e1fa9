package io.mlmd4j.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's table of connection properties is the {@link ConnectionProperty} enum's. */
class ConnectionPropertyDocsTest {

  @Test
  void readmeTableListsEveryPropertyAsTheEnumDescribesIt() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("mlmd4j.root", ".."),
        "README.md"));
    String start = "<!-- connection-properties:start -->\n";
    String table = readme.substring(readme.indexOf(start) + start.length(),
        readme.indexOf("<!-- connection-properties:end -->"));
    assertThat(table).isEqualTo(expectedTable());
  }

  /** The table as the enum gives it; paste this into the README when the enum changes. */
  static String expectedTable() {
    List<String> lines = new ArrayList<>();
    lines.add("| property | default | applies to | meaning |");
    lines.add("|---|---|---|---|");
    for (ConnectionProperty p : ConnectionProperty.values()) {
      String backends = List.of(Backend.values()).stream().filter(p::appliesTo)
          .map(b -> b.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
      String value = p.defaultValue().isEmpty() ? "" : " `" + p.defaultValue() + "`";
      lines.add("| `" + p.propertyName() + "` |" + value + " | " + backends + " | "
          + p.description() + " |");
    }
    return String.join("\n", lines) + "\n";
  }
}
