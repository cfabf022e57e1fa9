package io.mlmd4j.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Failures the fuzzers may find without failing the build, from {@code known-failures.txt}:
 * defects already reported and being fixed. Each line is {@code target | signature regex |
 * why}; an entry goes when its defect is fixed, and the fuzzers then hold the fix.
 */
final class KnownFailures {

  private record Entry(String target, Pattern signature) {}

  private final List<Entry> entries;

  private KnownFailures(List<Entry> entries) {
    this.entries = entries;
  }

  static KnownFailures load() {
    InputStream in = KnownFailures.class.getResourceAsStream("/known-failures.txt");
    if (in == null) {
      throw new IllegalStateException("known-failures.txt is missing from the test resources");
    }
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(r.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list in known-failures.txt's format, one line a string. */
  static KnownFailures parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s*\\|\\s*", 3);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalStateException("known-failures.txt line " + number
            + ": expected 'target | signature regex | why', got: " + line);
      }
      entries.add(new Entry(parts[0].trim(), Pattern.compile(parts[1].trim())));
    }
    return new KnownFailures(entries);
  }

  static KnownFailures none() {
    return new KnownFailures(List.of());
  }

  boolean matches(String target, String signature) {
    return entries.stream().anyMatch(e -> (e.target().equals("*") || e.target().equals(target))
        && e.signature().matcher(signature).find());
  }
}
