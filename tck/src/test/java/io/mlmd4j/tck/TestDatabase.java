package io.mlmd4j.tck;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.storage.MetadataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's database: opens stores on it, and when closed closes them and deletes the database
 * (a SQLite file and its journals; a MySQL database is dropped).
 */
final class TestDatabase implements AutoCloseable {

  private final ConnectionSettings settings;
  private final List<MetadataStore> stores = new ArrayList<>();

  TestDatabase(ConnectionSettings settings) {
    this.settings = settings;
  }

  /** Opens a store on this database with the target's migration options. */
  MetadataStore open() {
    return open(settings.migration());
  }

  /**
   * Opens a store on this database whose LQL walks run one query per hop
   * ({@code lineageWalk=perHop}), as on a server without recursive queries.
   */
  MetadataStore openWalkingPerHop() {
    MetadataStore store = MetadataStore.open(new ConnectionSettings(settings.config(),
        settings.migration(), true));
    stores.add(store);
    return store;
  }

  /** Opens a store on this database with these migration options. */
  MetadataStore open(MigrationOptions migration) {
    MetadataStore store = MetadataStore.open(settings.config(), migration);
    stores.add(store);
    return store;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (MetadataStore store : stores) {
      try {
        store.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    stores.clear();
    try {
      delete();
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void delete() {
    switch (settings.backend()) {
      case FAKE -> { } // gone with its store
      case SQLITE -> deleteSqliteFile();
      case MYSQL -> dropMySqlDatabase();
    }
  }

  private void deleteSqliteFile() {
    String uri = settings.config().getSqlite().getFilenameUri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    try {
      for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(path + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void dropMySqlDatabase() {
    String database = settings.config().getMysql().getDatabase().replace("`", "``");
    try (MetadataSource source = MetadataSource.open(settings)) {
      source.write(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("DROP DATABASE IF EXISTS `" + database + "`");
        }
      });
    }
  }
}
