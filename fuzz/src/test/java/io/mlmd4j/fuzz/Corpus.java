package io.mlmd4j.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds of the mutation fuzzers: queries from the project's tests, one a line, in
 * {@code corpus/<language>.txt} ({@code #} starts a comment line).
 */
final class Corpus {

  private Corpus() {}

  static List<String> load(String language) {
    String resource = "/corpus/" + language + ".txt";
    InputStream in = Corpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the test resources");
    }
    List<String> seeds = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          seeds.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(seeds);
  }
}
