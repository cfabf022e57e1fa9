package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The two faces of progress: a bar redrawn in place, and plain lines. */
class ProgressDisplayTest {

  @Test
  void aTerminalGetsABarRedrawnInPlaceAndEndedWithANewline() {
    StringWriter text = new StringWriter();
    ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), true, "rows");
    display.update("Artifact", 0, 3000);
    display.update("Artifact", 1000, 3000);
    display.update("Artifact", 3000, 3000);
    display.update("Event", 0, 0);
    String shown = text.toString();
    assertThat(shown).startsWith("\rArtifact               [" + " ".repeat(30) + "]   0% 0/3000"
        + " rows").contains("\rArtifact               ["
        + "#".repeat(30) + "] 100% 3000/3000 rows" + System.lineSeparator() + "\rEvent")
        .endsWith("\rEvent                  [" + "#".repeat(30) + "] 100% 0/0 rows"
            + System.lineSeparator());
  }

  @Test
  void elsewhereLinesAtEachTenthAndAtTheEnd() {
    StringWriter text = new StringWriter();
    ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, "rows");
    for (long done = 0; done <= 2500; done += 100) {
      display.update("Artifact", done, 2500);
    }
    display.update("ParentContext", 0, 0);
    display.update("ParentContext", 0, 0);
    assertThat(text.toString().lines()).containsExactly("Artifact: 100/2500 rows",
        "Artifact: 300/2500 rows", "Artifact: 500/2500 rows", "Artifact: 800/2500 rows",
        "Artifact: 1000/2500 rows", "Artifact: 1300/2500 rows", "Artifact: 1500/2500 rows",
        "Artifact: 1800/2500 rows", "Artifact: 2000/2500 rows", "Artifact: 2300/2500 rows",
        "Artifact: 2500/2500 rows", "ParentContext: 0/0 rows");
  }
}
