package io.mlmd4j.tck;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionProperty;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.storage.MetadataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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

  /** The backend this database is on. */
  Backend backend() {
    return settings.backend();
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

  /**
   * A connection of the JDBC driver to this database, with the MySQL login and TLS settings as
   * properties. On fake it is a new store of its own: write through its
   * {@code unwrap(MetadataStore.class)}.
   */
  Connection connect() throws SQLException {
    Properties info = new Properties();
    String url = switch (settings.backend()) {
      case FAKE -> "jdbc:mlmd:fake";
      case SQLITE -> "jdbc:mlmd:sqlite:" + settings.config().getSqlite().getFilenameUri();
      case MYSQL -> {
        MySQLDatabaseConfig mysql = settings.config().getMysql();
        put(info, ConnectionProperty.USER, mysql.getUser());
        put(info, ConnectionProperty.PASSWORD, mysql.getPassword());
        put(info, ConnectionProperty.SOCKET, mysql.getSocket());
        if (mysql.hasSslOptions()) {
          put(info, ConnectionProperty.SSL_KEY, mysql.getSslOptions().getKey());
          put(info, ConnectionProperty.SSL_CERT, mysql.getSslOptions().getCert());
          put(info, ConnectionProperty.SSL_CA, mysql.getSslOptions().getCa());
          put(info, ConnectionProperty.SSL_CAPATH, mysql.getSslOptions().getCapath());
          put(info, ConnectionProperty.SSL_CIPHER, mysql.getSslOptions().getCipher());
          info.setProperty(ConnectionProperty.SSL_VERIFY_SERVER_CERT.propertyName(),
              String.valueOf(mysql.getSslOptions().getVerifyServerCert()));
        }
        yield "jdbc:mlmd:mysql://" + mysql.getHost()
            + (mysql.getPort() == 0 ? "" : ":" + mysql.getPort()) + "/" + mysql.getDatabase();
      }
    };
    return DriverManager.getConnection(url, info);
  }

  private static void put(Properties info, ConnectionProperty p, String value) {
    if (!value.isEmpty()) {
      info.setProperty(p.propertyName(), value);
    }
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
