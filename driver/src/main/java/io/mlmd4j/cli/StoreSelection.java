package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import io.mlmd4j.demo.TfxDemo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which store a command works on: the URL given, or else the demo store, a SQLite file under
 * the user's home ({@code ~/.mlmd4j/demo.sqlite}, or where {@code MLMD4J_DEMO} says) that is
 * created and filled with a TFX-like pipeline history on first use.
 */
final class StoreSelection {

  static final int DEMO_RUNS = 8;

  private StoreSelection() {}

  static Path demoPath() {
    String override = System.getenv("MLMD4J_DEMO");
    return override != null && !override.isBlank() ? Path.of(override)
        : Path.of(System.getProperty("user.home"), ".mlmd4j", "demo.sqlite");
  }

  /**
   * Opens the store the URL names, which must exist (unless the URL's mode says to create it),
   * or the demo store (created when missing).
   */
  static MetadataStore open(String url, PrintWriter err) throws Exception {
    return MetadataStore.open(existing(url(url, err), ConnectionMode.READWRITE));
  }

  /** The URL given, or the demo store's (the store is created when missing). */
  static String url(String url, PrintWriter err) throws Exception {
    if (url != null) {
      return url;
    }
    Path demo = demoPath();
    if (!Files.exists(demo)) {
      createDemo(demo, DEMO_RUNS);
      err.printf("Created the demo store %s: %d runs of a TFX pipeline.%n", demo, DEMO_RUNS);
      err.flush();
    }
    return ConnectionUrl.PREFIX + "sqlite:" + demo;
  }

  /** Writes a fresh demo store at {@code path}, replacing any file there. */
  static void createDemo(Path path, int runs) throws Exception {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Path partial = path.resolveSibling(path.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    try (MetadataStore store = MetadataStore.open(ConnectionUrl.PREFIX + "sqlite:" + partial)) {
      TfxDemo.populate(store, runs);
    }
    Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The settings of a URL naming a store that must exist already, so that a mistyped name is
   * reported as missing rather than created: a SQLite file given without a mode is opened in
   * {@code mode} (READWRITE or READONLY), a MySQL database is not created (skipDbCreation).
   * The URL's own parameters win.
   */
  static ConnectionSettings existing(String url, ConnectionMode mode) {
    return ConnectionUrl.parseExisting(url, new Properties(), mode);
  }

  /** Whether a positional argument is a store URL rather than a value. */
  static boolean isUrl(String argument) {
    return ConnectionUrl.accepts(argument);
  }
}
