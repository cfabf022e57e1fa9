package io.mlmd4j.storage.schema;

import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.Progress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Opens a database the way MLMD's {@code InitMetadataStoreIfNotExists} does:
 *
 * <ul>
 *   <li>empty database: create every table, the MLMDEnv row and the 9 built-in simple types;
 *   <li>schema version 10: open it;
 *   <li>older: FAILED_PRECONDITION, unless upgrade migration is enabled, then migrate step by
 *       step to 10 keeping every row (on SQLite in one transaction: all steps or none);
 *   <li>newer: FAILED_PRECONDITION, nothing written;
 *   <li>some tables but not all, or an MLMDEnv table with no row, every table empty: a creation
 *       that was cut off (a killed process); the creation is finished;
 *   <li>the same with rows in some table: ABORTED, nothing written.
 * </ul>
 *
 * <p>Two processes creating the same empty database at once end with one schema: SQLite's
 * {@code BEGIN IMMEDIATE} lets one creator in at a time, and on MySQL, whose DDL is not
 * transactional, a named lock ({@code GET_LOCK}, in {@link #withSchemaLock} only) does. The
 * simple types are inserted under the lock every type write takes
 * ({@link Dialect#lockTypeWrites}), so they are never inserted twice either.
 *
 * <p>Finishing a creation needs no proof that its creator is dead: it only adds what is missing
 * (every CREATE is {@code IF NOT EXISTS} or skipped when done, the version row is inserted unless
 * there) and drops nothing, so doing it beside a live creator ends with the same one schema.
 * That keeps it correct on a server without {@code GET_LOCK} (Galera), where the named lock
 * would only make creators take turns. The version row is written after every table and index,
 * and every other row after it: tables that hold a row are not a creation cut off.
 */
public final class SchemaManager {

  /** A database with no MLMD table at all. */
  public static final int EMPTY = -1;
  /** Some of MLMD's tables, and no schema version: a creation not finished (or under way). */
  private static final int UNFINISHED = -2;

  private static final List<String> SIMPLE_ARTIFACT_TYPES =
      List.of("mlmd.Dataset", "mlmd.Model", "mlmd.Metrics", "mlmd.Statistics");
  private static final List<String> SIMPLE_EXECUTION_TYPES =
      List.of("mlmd.Train", "mlmd.Transform", "mlmd.Process", "mlmd.Evaluate", "mlmd.Deploy");
  /** The tables of MLMD 0.13.2, schema version 0. */
  private static final List<String> VERSION_0_TABLES = List.of("Type", "TypeProperty",
      "Artifact", "ArtifactProperty", "Execution", "ExecutionProperty", "Event", "EventPath");
  static final int EXECUTION_KIND = 0;
  static final int ARTIFACT_KIND = 1;

  private static final int SCHEMA_LOCK_SECONDS = 120;

  private final MetadataSource source;
  private final SchemaScripts scripts;

  public SchemaManager(MetadataSource source) {
    this.source = source;
    this.scripts = SchemaScripts.of(source.dialect());
  }

  /** Brings the database to a usable version-10 schema, or fails as MLMD does. */
  public void open(MigrationOptions options) {
    open(options, Progress.NONE);
  }

  /**
   * As {@link #open(MigrationOptions)}; {@code progress} hears a migration as the step "upgrade
   * to version 10", after each of its version steps.
   */
  public void open(MigrationOptions options, Progress progress) {
    if (options.getDowngradeToSchemaVersion() >= 0) {
      downgrade(options.getDowngradeToSchemaVersion());
    }
    if (source.isReadOnly()) {
      source.read(c -> {
        int version = checkVersion(c, false);
        if (version == UNFINISHED) {
          throw unfinished(existingTables(c));
        }
        if (version == EMPTY) {
          throw MlmdException.failedPrecondition(
              "The database opened READONLY holds no MLMD schema, and creating one is a write");
        }
        checkComplete(c);
        return null;
      });
      return;
    }
    source.write(c -> withSchemaLock(c, () -> {
      int version = checkVersion(c, options.getEnableUpgradeMigration());
      if (version == EMPTY) {
        create(c);
      } else if (version == UNFINISHED) {
        finishCreation(c);
      } else {
        int steps = SchemaScripts.LIBRARY_VERSION - version;
        String name = "upgrade to version " + SchemaScripts.LIBRARY_VERSION;
        if (steps > 0) {
          progress.update(name, 0, steps);
        }
        for (int step = version + 1; step <= SchemaScripts.LIBRARY_VERSION; step++) {
          execute(c, scripts.upgradeTo(step));
          writeVersion(c, step);
          progress.update(name, step - version, steps);
        }
        checkComplete(c);
      }
      return null;
    }));
    source.write(c -> {
      source.dialect().lockTypeWrites(c);
      insertSimpleTypes(c);
      return null;
    });
  }

  /** The schema version the database holds, {@link #EMPTY} when it holds no MLMD table. */
  public int version() {
    return source.read(this::storedVersion);
  }

  /**
   * Creates what a cut-off creation left missing: the remaining tables and indexes, then the
   * version row. Refused when a table holds rows, or Type is version 0's (an upgrade from 0.13.2
   * cut off after creating MLMDEnv): those are not a creation of this schema.
   */
  private void finishCreation(Connection c) throws SQLException {
    Set<String> tables = existingTables(c);
    List<String> holdingRows = new ArrayList<>();
    for (String table : present(tables)) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
        if (rs.next()) {
          holdingRows.add(table);
        }
      }
    }
    if (!holdingRows.isEmpty()
        || tables.contains("Type") && existingColumns(c, "Type").contains("is_artifact_type")) {
      throw unfinished(tables);
    }
    create(c);
  }

  /**
   * MLMD's downgrade: takes the schema back to {@code target} step by step and then always ends
   * with CANCELLED, since this library cannot use the older schema.
   */
  private void downgrade(long target) {
    if (target < 0 || target > SchemaScripts.LIBRARY_VERSION) {
      throw MlmdException.invalidArgument(
          "MLMD cannot be downgraded to schema_version: %d. It must be between 0 and %d",
          target, SchemaScripts.LIBRARY_VERSION);
    }
    if (source.isReadOnly()) {
      throw MlmdException.failedPrecondition("A READONLY store cannot be downgraded");
    }
    int reached = source.write(c -> withSchemaLock(c, () -> {
      int version = storedVersion(c);
      if (version == EMPTY) {
        throw MlmdException.invalidArgument(
            "Empty database: there is no schema to downgrade to schema_version %d", target);
      }
      if (version > SchemaScripts.LIBRARY_VERSION) {
        throw tooNew(version);
      }
      for (int step = version - 1; step >= target; step--) {
        execute(c, scripts.downgradeTo(step));
        if (step > 0) {
          writeVersion(c, step);
        }
      }
      // A database already below the target is left as it is.
      return (int) Math.min(version, target);
    }));
    throw new MlmdException(Code.CANCELLED, "Downgrade migration was performed. Connection to the"
        + " downgraded database is Cancelled. Now the database is at schema version " + reached
        + ". Please use a version of MLMD that reads this schema version to connect to it.");
  }

  /** Reads the version and refuses one this library cannot open as it stands. */
  private int checkVersion(Connection c, boolean enableUpgrade) throws SQLException {
    int version = storedOrUnfinished(c);
    if (version > SchemaScripts.LIBRARY_VERSION) {
      throw tooNew(version);
    }
    if (version >= 0 && version < SchemaScripts.LIBRARY_VERSION && !enableUpgrade) {
      throw MlmdException.failedPrecondition("MLMD database version %d is older than library"
          + " version %d. Schema migration is disabled. Please upgrade the database, then use"
          + " the library version; or switch to a older library version to use the current"
          + " database. Upgrade it with `mlmd migrate URL`, or enable upgrade migration with"
          + " enableUpgradeMigration=true (URL) or MigrationOptions.enable_upgrade_migration.",
          version, SchemaScripts.LIBRARY_VERSION);
    }
    return version;
  }

  private static MlmdException tooNew(int version) {
    return MlmdException.failedPrecondition("MLMD database version %d is greater than library"
        + " version %d. Please upgrade the library to use the given database in order to prevent"
        + " potential data loss. Nothing was written.", version, SchemaScripts.LIBRARY_VERSION);
  }

  /** The stored version; a creation not finished is ABORTED (another process may finish it). */
  private int storedVersion(Connection c) throws SQLException {
    int version = storedOrUnfinished(c);
    if (version == UNFINISHED) {
      throw unfinished(existingTables(c));
    }
    return version;
  }

  private static MlmdException unfinished(Set<String> tables) {
    if (!tables.contains("MLMDEnv")) {
      return MlmdException.aborted("There are a subset of tables in MLMD instance but no MLMDEnv"
          + " table: %s present. This may be due to concurrent connection to the empty"
          + " database. Please retry the connection.", present(tables));
    }
    return MlmdException.aborted("The MLMDEnv table exists but holds no schema_version: another"
        + " process is creating this store. Try again.");
  }

  private int storedOrUnfinished(Connection c) throws SQLException {
    Set<String> tables = existingTables(c);
    if (!tables.contains("MLMDEnv")) {
      if (tables.stream().noneMatch(SchemaScripts.TABLES::contains)) {
        return EMPTY;
      }
      // Schema version 0 (MLMD 0.13.2) had no MLMDEnv table, and Type.is_artifact_type.
      if (tables.containsAll(VERSION_0_TABLES)
          && existingColumns(c, "Type").contains("is_artifact_type")) {
        return 0;
      }
      return UNFINISHED;
    }
    List<Integer> versions = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT schema_version FROM MLMDEnv")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    if (versions.isEmpty()) {
      return UNFINISHED;
    }
    if (versions.size() > 1) {
      throw new MlmdException(Code.DATA_LOSS,
          "The MLMDEnv table holds more than one schema_version: " + versions);
    }
    return versions.get(0);
  }

  private void checkComplete(Connection c) throws SQLException {
    Set<String> present = existingTables(c);
    List<String> missing = new ArrayList<>();
    for (String table : SchemaScripts.TABLES) {
      if (!present.contains(table)) {
        missing.add(table);
      }
    }
    if (!missing.isEmpty()) {
      throw MlmdException.aborted("There are a subset of tables in MLMD instance: %s missing."
          + " This may be due to concurrent connection to the empty database. Please retry the"
          + " connection.", missing);
    }
  }

  private void create(Connection c) throws SQLException {
    execute(c, scripts.create());
    // Ignored when there: a creator finishing beside this one wrote the same row.
    try (PreparedStatement s = c.prepareStatement(
        source.dialect().insertIgnore() + " INTO MLMDEnv(schema_version) VALUES (?)")) {
      s.setInt(1, SchemaScripts.LIBRARY_VERSION);
      s.executeUpdate();
    }
  }

  private void writeVersion(Connection c, int version) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM MLMDEnv");
      s.executeUpdate("INSERT INTO MLMDEnv(schema_version) VALUES (" + version + ")");
    }
  }

  private void execute(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          if (!scripts.isAlreadyDone(e)) {
            throw e;
          }
        }
      }
    }
  }

  /** Inserts MLMD's 9 built-in simple types that are missing; repeat opens change nothing. */
  private static void insertSimpleTypes(Connection c) throws SQLException {
    try (PreparedStatement find = c.prepareStatement(
            "SELECT 1 FROM Type WHERE name = ? AND type_kind = ? AND version IS NULL");
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO Type(name, type_kind) VALUES (?, ?)")) {
      for (String name : SIMPLE_ARTIFACT_TYPES) {
        insertIfMissing(find, insert, name, ARTIFACT_KIND);
      }
      for (String name : SIMPLE_EXECUTION_TYPES) {
        insertIfMissing(find, insert, name, EXECUTION_KIND);
      }
    }
  }

  private static void insertIfMissing(PreparedStatement find, PreparedStatement insert,
      String name, int kind) throws SQLException {
    find.setString(1, name);
    find.setInt(2, kind);
    try (ResultSet rs = find.executeQuery()) {
      if (rs.next()) {
        return;
      }
    }
    insert.setString(1, name);
    insert.setInt(2, kind);
    insert.executeUpdate();
  }

  private static List<String> present(Set<String> tables) {
    return SchemaScripts.TABLES.stream().filter(tables::contains).toList();
  }

  private Set<String> existingColumns(Connection c, String table) throws SQLException {
    String sql = source.dialect() == Dialect.SQLITE
        ? "SELECT name FROM pragma_table_info(?)"
        : "SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() AND table_name = ?";
    Set<String> columns = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  private Set<String> existingTables(Connection c) throws SQLException {
    String sql = source.dialect() == Dialect.SQLITE
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
    Set<String> tables = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /**
   * Runs schema work under MySQL's named lock, held by this connection's session, so that two
   * processes never create or migrate the same database at once. SQLite needs none: the
   * transaction began with {@code BEGIN IMMEDIATE}.
   */
  private <T> T withSchemaLock(Connection c, SchemaWork<T> work) throws SQLException {
    if (source.dialect() != Dialect.MYSQL) {
      return work.run();
    }
    String name = lockName(c.getCatalog());
    try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      lock.setString(1, name);
      lock.setInt(2, SCHEMA_LOCK_SECONDS);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw MlmdException.aborted("Another process held the schema lock of '%s' for %d s;"
              + " try again", c.getCatalog(), SCHEMA_LOCK_SECONDS);
        }
      }
    }
    try {
      T result = work.run();
      // Committed before the lock goes: the next holder must see all of it (MySQL commits the
      // DDL by itself, but not the MLMDEnv row or the simple types).
      c.commit();
      return result;
    } finally {
      try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        unlock.setString(1, name);
        unlock.executeQuery().close();
      }
    }
  }

  /** MySQL's lock names are at most 64 characters; a longer database name is hashed. */
  static String lockName(String database) {
    String name = "mlmd4j.schema." + database;
    if (name.length() <= 64) {
      return name;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(database.getBytes(StandardCharsets.UTF_8));
      return "mlmd4j.schema." + HexFormat.of().formatHex(digest, 0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  @FunctionalInterface
  private interface SchemaWork<T> {
    T run() throws SQLException;
  }
}
