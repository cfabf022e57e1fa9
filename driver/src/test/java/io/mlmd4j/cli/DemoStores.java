package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxDemo;
import io.mlmd4j.jdbc.Driver;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Demo stores ({@link TfxDemo}, {@link #RUNS} runs) on each backend for the command tests: one
 * per backend for the whole run, except on fake, where each connection is a store of its own.
 */
final class DemoStores {

  static final int RUNS = 3;

  private static final Map<Backend, String> URLS = new EnumMap<>(Backend.class);

  private DemoStores() {}

  /** The URL of the backend's demo store; on fake, the URL of a new empty store. */
  static synchronized String url(Backend backend) {
    if (backend == Backend.FAKE) {
      return "jdbc:mlmd:fake";
    }
    return URLS.computeIfAbsent(backend, b -> {
      String url = TestDatabases.freshUrl(b);
      try (MetadataStore store = MetadataStore.open(url)) {
        TfxDemo.populate(store, RUNS);
      }
      return url;
    });
  }

  /** A new connection of the driver to the backend's demo store (on fake, a filled new one). */
  static Connection connect(Backend backend) throws SQLException {
    Connection c = new Driver().connect(url(backend), new Properties());
    if (backend == Backend.FAKE) {
      TfxDemo.populate(c.unwrap(MetadataStore.class), RUNS);
    }
    return c;
  }

  /** A store of its own on fake, the demo store on the others; the caller closes it. */
  static MetadataStore open(Backend backend) {
    MetadataStore store = MetadataStore.open(url(backend));
    if (backend == Backend.FAKE) {
      TfxDemo.populate(store, RUNS);
    }
    return store;
  }
}
