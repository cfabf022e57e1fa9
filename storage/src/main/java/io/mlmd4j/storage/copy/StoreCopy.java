package io.mlmd4j.storage.copy;

import io.mlmd4j.MlmdException;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.Progress;
import io.mlmd4j.storage.schema.SchemaScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Copies every row of an MLMD store of schema version {@value SchemaScripts#LIBRARY_VERSION}
 * into an empty store of the same version, on any backend: types with their properties and
 * parent types, artifacts, executions and contexts with their properties, events and their
 * paths, attributions, associations and parent contexts. Every id is kept, so the copy answers
 * every query as the source does.
 *
 * <p>The copy is all or nothing: it is written in one transaction on the target, so a failure
 * (or an exception thrown by the {@link Progress}) leaves the target as it was. An empty target
 * is one whose tables hold no row but MLMD's built-in simple types (as a store holds right after
 * it was created); these are replaced by the source's types, and a store opened on the target
 * later adds back any simple type the source did not have. {@link #copy} refuses a target holding
 * anything else with FAILED_PRECONDITION; {@link #merge} adds the source's rows to it, with new
 * ids where the target's are taken.
 *
 * <p>Rows go in batches of many rows per INSERT, in the order that keeps every reference pointing
 * at a row already copied; event paths keep their order within an event. MySQL's and SQLite's
 * auto-increment counters move past the copied ids by themselves.
 */
public final class StoreCopy {

  /** The most rows one INSERT carries. */
  static final int BATCH_ROWS = 1000;
  /** The most bytes of values one INSERT carries, well under MySQL's max_allowed_packet. */
  static final long BATCH_BYTES = 4L << 20;

  /** MLMD's tables of version 10 (all but MLMDEnv), in the order their rows are copied. */
  public static final List<CopiedTable> TABLES = List.of(
      new CopiedTable("Type", "id", "id", "name", "version", "type_kind", "description",
          "input_type", "output_type", "external_id"),
      new CopiedTable("TypeProperty", "type_id, name", "type_id", "name", "data_type"),
      new CopiedTable("ParentType", "type_id, parent_type_id", "type_id", "parent_type_id"),
      new CopiedTable("Artifact", "id", "id", "type_id", "uri", "state", "name", "external_id",
          "create_time_since_epoch", "last_update_time_since_epoch"),
      property("ArtifactProperty", "artifact_id"),
      new CopiedTable("Execution", "id", "id", "type_id", "last_known_state", "name",
          "external_id", "create_time_since_epoch", "last_update_time_since_epoch"),
      property("ExecutionProperty", "execution_id"),
      new CopiedTable("Context", "id", "id", "type_id", "name", "external_id",
          "create_time_since_epoch", "last_update_time_since_epoch"),
      property("ContextProperty", "context_id"),
      new CopiedTable("ParentContext", "context_id, parent_context_id", "context_id",
          "parent_context_id"),
      new CopiedTable("Event", "id", "id", "artifact_id", "execution_id", "type",
          "milliseconds_since_epoch"),
      // No key: rows are read in the order they were written (SQLite's rowid, InnoDB's hidden
      // row id), which is the order of an event's path steps.
      new CopiedTable("EventPath", null, "event_id", "is_index_step", "step_index", "step_key"),
      new CopiedTable("Association", "id", "id", "context_id", "execution_id"),
      new CopiedTable("Attribution", "id", "id", "context_id", "artifact_id"));

  /** MLMD's built-in types, which a freshly created store holds. */
  private static final List<String> SIMPLE_TYPES = List.of("mlmd.Dataset", "mlmd.Model",
      "mlmd.Metrics", "mlmd.Statistics", "mlmd.Train", "mlmd.Transform", "mlmd.Process",
      "mlmd.Evaluate", "mlmd.Deploy");

  private final Connection from;
  private final MetadataSource to;

  /**
   * A copy from the store {@code from} reaches (any connection to an MLMD database: SQLite,
   * MySQL or MariaDB; read in a transaction of its own for a consistent copy) into {@code to},
   * whose schema the caller has already created or opened.
   */
  public StoreCopy(Connection from, MetadataSource to) {
    this.from = from;
    this.to = to;
  }

  /** One MLMD table: its name, the columns copied, and the key rows are read in order of. */
  public record CopiedTable(String name, String orderBy, List<String> columns) {
    CopiedTable(String name, String orderBy, String... columns) {
      this(name, orderBy, List.of(columns));
    }
  }

  private static CopiedTable property(String table, String idColumn) {
    return new CopiedTable(table, idColumn + ", name, is_custom_property", idColumn, "name",
        "is_custom_property", "int_value", "double_value", "string_value", "byte_value",
        "proto_value", "bool_value");
  }

  /**
   * The rows of each table of the source, in the order they are copied. Fails with
   * FAILED_PRECONDITION when the source is not at schema version
   * {@value SchemaScripts#LIBRARY_VERSION}.
   */
  public Map<String, Long> sourceRows() throws SQLException {
    checkSourceVersion();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (CopiedTable table : TABLES) {
      rows.put(table.name(), count(from, table.name()));
    }
    return rows;
  }

  /**
   * Copies every row in one transaction on the target; returns the number of rows copied.
   * {@code progress} hears each table as a step, with the rows copied so far.
   */
  public long copy(Progress progress) throws SQLException {
    Map<String, Long> rows = sourceRows();
    return to.write(c -> {
      checkTargetEmpty(c);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM " + quote("Type"));
      }
      long copied = 0;
      for (CopiedTable table : TABLES) {
        copied += copyTable(from, table, c, rows.get(table.name()), progress, row -> row);
      }
      return copied;
    });
  }

  /**
   * Adds every row of the source to a target that may hold rows already, in one transaction on
   * the target; returns the rows written. Types are matched by name, version and kind (a matched
   * type gains the properties it lacks; a property declared with another data type fails the
   * merge with FAILED_PRECONDITION); contexts are matched by type and name and keep their own
   * properties; artifacts, executions, events, attributions and associations are all added,
   * numbered after the target's highest ids, every reference remapped. Into an empty target
   * this is {@link #copy}. A node whose type and name, or external id, the target has already
   * fails the merge with ALREADY_EXISTS.
   */
  public long merge(Progress progress) throws SQLException {
    Map<String, Long> rows = sourceRows();
    return to.write(c -> new StoreMerge(from, c).run(rows, progress));
  }

  /**
   * Fails with FAILED_PRECONDITION, naming what it holds, when the target is not empty; {@link
   * #copy} checks again in its own transaction.
   */
  public void checkTarget() {
    to.read(c -> {
      checkTargetEmpty(c);
      return null;
    });
  }

  private void checkSourceVersion() throws SQLException {
    int version;
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT schema_version FROM MLMDEnv")) {
      version = rs.next() ? rs.getInt(1) : -1;
    } catch (SQLException e) {
      throw MlmdException.failedPrecondition("The source holds no MLMD store of schema version"
          + " %d (no MLMDEnv table): %s", SchemaScripts.LIBRARY_VERSION, e.getMessage());
    }
    if (version != SchemaScripts.LIBRARY_VERSION) {
      throw MlmdException.failedPrecondition("The source store is at MLMD schema version %d;"
          + " a copy reads version %d only: upgrade the source first (mlmd migrate)", version,
          SchemaScripts.LIBRARY_VERSION);
    }
  }

  /** Refuses a target holding anything but the simple types a new store starts with. */
  private static void checkTargetEmpty(Connection c) throws SQLException {
    StringJoiner held = new StringJoiner(", ");
    for (CopiedTable table : TABLES) {
      long n = table.name().equals("Type") ? countOtherTypes(c) : count(c, table.name());
      if (n > 0) {
        held.add(n + " " + table.name() + " rows");
      }
    }
    if (held.length() > 0) {
      throw MlmdException.failedPrecondition("The target store is not empty (it holds %s):"
          + " a copy goes into an empty store only", held);
    }
  }

  private static long countOtherTypes(Connection c) throws SQLException {
    String names = String.join(", ", SIMPLE_TYPES.stream().map(n -> "'" + n + "'").toList());
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT COUNT(*) FROM " + quote("Type") + " WHERE NOT (name IN (" + names + ")"
            + " AND version IS NULL AND type_kind IN (0, 1))")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What becomes of each source row on its way into the target: changed, or null to skip it. */
  @FunctionalInterface
  interface RowMap {
    Object[] apply(Object[] row) throws SQLException;
  }

  /**
   * Copies the rows of one table as {@code map} makes them; returns the rows written. Progress
   * counts the rows read.
   */
  static long copyTable(Connection from, CopiedTable table, Connection target, long total,
      Progress progress, RowMap map) throws SQLException {
    progress.update(table.name(), 0, total);
    List<String> quoted = table.columns().stream().map(StoreCopy::quote).toList();
    String select = "SELECT " + String.join(", ", quoted) + " FROM " + quote(table.name())
        + (table.orderBy() == null ? "" : " ORDER BY " + table.orderBy());
    int width = table.columns().size();
    long read = 0;
    long written = 0;
    try (Batch batch = new Batch(target, table.name(), quoted);
        Statement s = from.createStatement()) {
      if (isMySql(from)) {
        // Connector/J's signal to stream the rows instead of holding the table in memory.
        s.setFetchSize(Integer.MIN_VALUE);
      }
      try (ResultSet rs = s.executeQuery(select)) {
        while (rs.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = value(rs, i + 1);
          }
          read++;
          Object[] mapped = map.apply(row);
          if (mapped != null && batch.add(mapped)) {
            written += batch.flush();
            progress.update(table.name(), read, total);
          }
        }
      }
      written += batch.flush();
    }
    progress.update(table.name(), read, total);
    return written;
  }

  /**
   * A column's value. Connector/J reads MySQL's TINYINT(1) as a boolean, but MLMD keeps more
   * than 0 and 1 in some (a context type's {@code type_kind} is 2): those are read as numbers.
   */
  static Object value(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    return value instanceof Boolean ? rs.getInt(column) : value;
  }

  private static boolean isMySql(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("mysql") || product.contains("mariadb");
  }

  static String quote(String identifier) {
    return "`" + identifier + "`";
  }

  /** Rows waiting to go into one table with one multi-row INSERT. */
  private static final class Batch implements AutoCloseable {
    private final Connection target;
    private final String insertStart;
    private final String rowPlaceholders;
    private final List<Object[]> rows = new ArrayList<>();
    private long bytes;
    private PreparedStatement full;

    Batch(Connection target, String table, List<String> columns) {
      this.target = target;
      this.insertStart = "INSERT INTO " + quote(table) + " (" + String.join(", ", columns)
          + ") VALUES ";
      this.rowPlaceholders = "(" + "?, ".repeat(columns.size() - 1) + "?)";
    }

    /** Adds a row; true when the batch is full and should be flushed. */
    boolean add(Object[] row) {
      rows.add(row);
      for (Object v : row) {
        bytes += v instanceof String s ? s.length() * 4L : v instanceof byte[] b ? b.length : 8;
      }
      return rows.size() >= BATCH_ROWS || bytes >= BATCH_BYTES;
    }

    /** Inserts the waiting rows; returns how many. */
    int flush() throws SQLException {
      int n = rows.size();
      if (n == 0) {
        return 0;
      }
      if (n == BATCH_ROWS) {
        if (full == null) {
          full = target.prepareStatement(insert(n));
        }
        insert(full);
      } else {
        try (PreparedStatement partial = target.prepareStatement(insert(n))) {
          insert(partial);
        }
      }
      rows.clear();
      bytes = 0;
      return n;
    }

    private String insert(int n) {
      StringJoiner values = new StringJoiner(", ", insertStart, "");
      for (int i = 0; i < n; i++) {
        values.add(rowPlaceholders);
      }
      return values.toString();
    }

    private void insert(PreparedStatement s) throws SQLException {
      int p = 1;
      for (Object[] row : rows) {
        for (Object v : row) {
          s.setObject(p++, v);
        }
      }
      s.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      if (full != null) {
        full.close();
      }
    }
  }
}
