package io.mlmd4j.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * String values that have broken SQL built as text (backslashes, quotes, NUL, comments,
 * multi-byte quotes...), from the test resource {@code hostile-literals.txt}, whose header says
 * how they are escaped: for tests of any layer that writes a user's string into a query.
 */
public final class HostileLiterals {

  private static final String RESOURCE = "/hostile-literals.txt";

  private HostileLiterals() {}

  /** The values, decoded, in the file's order. */
  public static List<String> all() {
    try (InputStream in = HostileLiterals.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("No test resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      List<String> values = new ArrayList<>();
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (!line.isEmpty() && !line.startsWith("#")) {
          values.add(decode(line, lineNumber));
        }
      }
      return List.copyOf(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String decode(String line, int lineNumber) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (++i == line.length()) {
        throw new IllegalArgumentException(RESOURCE + " line " + lineNumber
            + ": a backslash ends the line; write \\\\ for a backslash");
      }
      switch (line.charAt(i)) {
        case '\\' -> b.append('\\');
        case '0' -> b.append('\0');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 5 > line.length()) {
            throw new IllegalArgumentException(RESOURCE + " line " + lineNumber
                + ": \\u needs four hex digits at column " + i);
          }
          b.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException(RESOURCE + " line " + lineNumber
            + ": unknown escape \\" + line.charAt(i) + " at column " + i);
      }
    }
    return b.toString();
  }
}
