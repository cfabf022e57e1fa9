package io.mlmd4j.storage;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.SqliteMetadataSourceConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * A SQLite database, in a file or (fake) in memory, reached through one connection that the
 * store's threads take in turn. SQLite has one writer at a time anyway; one connection means no
 * busy waits inside this process, and other processes are waited for by SQLite's busy timeout and
 * then by {@link MetadataSource}'s retries.
 *
 * <p>Transactions are begun by hand ({@code BEGIN IMMEDIATE} for writes, so that two writers
 * never deadlock upgrading their locks) with the JDBC connection left in auto-commit mode:
 * sqlite-jdbc's own non-auto-commit mode re-opens a transaction after each commit.
 */
final class SqliteSource extends MetadataSource {

  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  static {
    SqliteNativeLibrary.useCachedCopy();
  }

  private final Connection connection;
  private final String url;
  private final boolean readOnly;
  private final String description;
  private final ReentrantLock lock = new ReentrantLock(true);

  private SqliteSource(Backend backend, Connection connection, String url, boolean readOnly,
      String description) {
    super(backend, Dialect.SQLITE);
    this.connection = connection;
    this.url = url;
    this.readOnly = readOnly;
    this.description = description;
  }

  /**
   * A named in-memory database in shared-cache mode: other connections of this JVM (the JDBC
   * driver's) can open the same name, and it lives as long as this connection stays open.
   */
  static SqliteSource openFake() {
    String name = "mlmd4j-fake-" + UUID.randomUUID();
    String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
    SQLiteConfig config = baseConfig();
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    try {
      return new SqliteSource(Backend.FAKE, config.createConnection(url), url, false, url);
    } catch (SQLException e) {
      throw MlmdException.internal("Cannot create the in-memory database: " + e.getMessage(), e);
    }
  }

  static SqliteSource openFile(SqliteMetadataSourceConfig sqlite) {
    String file = sqlite.getFilenameUri();
    if (file.isEmpty()) {
      return openFake();
    }
    ConnectionMode mode = sqlite.getConnectionMode() == ConnectionMode.UNKNOWN
        ? ConnectionMode.READWRITE_OPENCREATE : sqlite.getConnectionMode();
    SQLiteConfig config = baseConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.resetOpenMode(SQLiteOpenMode.READWRITE);
    switch (mode) {
      case READONLY -> config.setReadOnly(true);
      case READWRITE -> config.setOpenMode(SQLiteOpenMode.READWRITE);
      default -> {
        config.setOpenMode(SQLiteOpenMode.READWRITE);
        config.setOpenMode(SQLiteOpenMode.CREATE);
      }
    }
    if (file.startsWith("file:")) {
      config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    }
    checkPath(file, mode);
    String url = "jdbc:sqlite:" + file;
    Connection c;
    try {
      c = config.createConnection(url);
    } catch (SQLException e) {
      if (mode != ConnectionMode.READWRITE_OPENCREATE) {
        throw MlmdException.notFound("Cannot open SQLite file '%s' in mode %s (it must exist): %s",
            file, mode, e.getMessage());
      }
      throw new MlmdException(MlmdException.Code.UNAVAILABLE,
          "Cannot open SQLite file '" + file + "': " + e.getMessage(), e);
    }
    // SQLite reads the file's header only when asked: a file that is no database is found now,
    // rather than by the first statement as an internal error.
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA schema_version");
    } catch (SQLException e) {
      closeQuietly(c, e);
      if (e.getErrorCode() == SQLITE_NOTADB) {
        throw new MlmdException(MlmdException.Code.INVALID_ARGUMENT,
            "'" + file + "' is not a SQLite database", e);
      }
      throw new MlmdException(MlmdException.Code.UNAVAILABLE,
          "Cannot read SQLite file '" + file + "': " + e.getMessage(), e);
    }
    return new SqliteSource(Backend.SQLITE, c, url, mode == ConnectionMode.READONLY, file);
  }

  private static final int SQLITE_NOTADB = 26;

  /**
   * Names the common mistakes with a plain path before SQLite does, in its own words: a
   * directory, a file that must exist and does not, a directory that is missing.
   */
  private static void checkPath(String file, ConnectionMode mode) {
    if (file.startsWith("file:") || file.equals(":memory:")) {
      return;
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw MlmdException.invalidArgument("'%s' is not a file path: %s", file, e.getMessage());
    }
    if (Files.isDirectory(path)) {
      throw MlmdException.invalidArgument("'%s' is a directory, not a SQLite file", file);
    }
    if (Files.exists(path)) {
      return;
    }
    if (mode != ConnectionMode.READWRITE_OPENCREATE) {
      throw MlmdException.notFound("SQLite file '%s' does not exist (mode %s opens an existing"
          + " file only; mode=READWRITE_OPENCREATE creates it)", file, mode);
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw MlmdException.notFound("Cannot create SQLite file '%s': directory '%s' does not"
          + " exist", file, parent);
    }
  }

  private static void closeQuietly(Connection c, Throwable cause) {
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static SQLiteConfig baseConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // MLMD stores and compares text as UTF-8 and relies on SQLite's default (ASCII
    // case-insensitive) LIKE; nothing else is changed, so files stay as MLMD expects them.
    return config;
  }

  /**
   * A new read-only SQLite connection per call, to the same file or (fake) to the same named
   * in-memory database, which lives on while the store's own connection is open.
   */
  @Override
  public DataSource readOnlyDataSource() {
    SQLiteConfig config = baseConfig();
    config.setReadOnly(true);
    if (url.startsWith("jdbc:sqlite:file:")) {
      config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    }
    QueryOnlyDataSource dataSource = new QueryOnlyDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }

  /**
   * Connections in SQLite's {@code query_only} mode as well as opened read-only: a shared-cache
   * in-memory database (the fake) is writable through any connection, whatever its open flags.
   */
  private static final class QueryOnlyDataSource extends SQLiteDataSource {
    QueryOnlyDataSource(SQLiteConfig config) {
      super(config);
    }

    @Override
    public SQLiteConnection getConnection(String user, String password) throws SQLException {
      SQLiteConnection c = super.getConnection(user, password);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only = 1");
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    }
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  protected <T> T runOnce(SqlWork<T> work, boolean writes) throws SQLException {
    lock.lock();
    try (Statement s = connection.createStatement()) {
      s.execute(writes ? "BEGIN IMMEDIATE" : "BEGIN");
      try {
        T result = work.run(Cancellation.enrol(connection));
        s.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(s, e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private static void rollback(Statement s, Throwable cause) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw MlmdException.internal("Cannot close " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "SQLite " + description;
  }
}
