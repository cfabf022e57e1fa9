package io.mlmd4j.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmd4j.testing.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz's {@code dot} and headless Chromium, run on the pictures. A missing program fails
 * the test that needs it: CI installs both (.ci/run).
 */
public final class ExternalRenderers {

  private static final String CHROMIUM_PACKAGE = "Chromium (apt-get install chromium)";

  private ExternalRenderers() {}

  /** {@code dot -Tsvg} of a DOT text; fails the test if dot is missing or rejects the text. */
  public static String dotToSvg(String dot) throws Exception {
    Path in = Files.createTempFile(TestDatabases.tempDir(), "lineage", ".dot");
    Files.writeString(in, dot, StandardCharsets.UTF_8);
    return run(List.of("dot", "-Tsvg", in.toString()), "Graphviz (apt-get install graphviz)");
  }

  /** Chromium's DOM of a page after it loaded and ran its scripts. */
  public static String chromiumDom(Path page) throws Exception {
    return chromiumDom(page, 800, 600);
  }

  /** The DOM of a page after its scripts ran, in a window of the given size. */
  public static String chromiumDom(Path page, int width, int height) throws Exception {
    List<String> command = chromium();
    command.add("--window-size=" + width + "," + height);
    command.add("--dump-dom");
    command.add(page.toUri().toString());
    return run(command, CHROMIUM_PACKAGE);
  }

  /** A screenshot of a page in a window of the given size, as a PNG file. */
  public static Path chromiumScreenshot(Path page, int width, int height) throws Exception {
    Path png = Files.createTempFile(TestDatabases.tempDir(), "lineage", ".png");
    List<String> command = chromium();
    command.add("--window-size=" + width + "," + height);
    command.add("--hide-scrollbars");
    command.add("--screenshot=" + png);
    command.add(page.toUri().toString());
    run(command, CHROMIUM_PACKAGE);
    assertThat(Files.size(png)).as("screenshot " + png).isPositive();
    return png;
  }

  private static List<String> chromium() throws IOException {
    Path profile = Files.createTempDirectory(TestDatabases.tempDir(), "chromium");
    return new ArrayList<>(List.of(chromiumCommand(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
  }

  /** Chromium's command on the PATH, by Debian's name or by Fedora's and Ubuntu's. */
  private static String chromiumCommand() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path command = Path.of(dir, name);
        if (Files.isExecutable(command)) {
          return command.toString();
        }
      }
    }
    return fail("no chromium or chromium-browser on the PATH: " + CHROMIUM_PACKAGE + " is needed");
  }

  private static String run(List<String> command, String what) throws Exception {
    Path out = Files.createTempFile(TestDatabases.tempDir(), "out", ".txt");
    Path err = Files.createTempFile(TestDatabases.tempDir(), "err", ".txt");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
    } catch (IOException e) {
      return fail("cannot run " + command.get(0) + ": " + what + " is needed", e);
    }
    // A bound, not an assertion on speed: a hung browser must not hang the build.
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(command.get(0) + " did not finish");
    }
    assertThat(p.exitValue()).as(command + "\n" + Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
