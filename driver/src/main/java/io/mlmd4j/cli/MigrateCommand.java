package io.mlmd4j.cli;

import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.storage.schema.SchemaScripts;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Upgrades an older MLMD schema to the library's version, after saying what it will do. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Upgrade a store's MLMD schema to version " + SchemaScripts.LIBRARY_VERSION
        + ", keeping every row. Says what it will do first (from which version, the steps, how"
        + " many rows), then shows each step's progress; does nothing to a current store. On"
        + " SQLite all steps are one transaction; on MySQL each step commits by itself (its DDL"
        + " cannot be rolled back), and running migrate again resumes after the last step done.")
final class MigrateCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The store to upgrade.")
  String url;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConnectionSettings settings = StoreSelection.existing(url, ConnectionMode.READWRITE);
    String shown = ConnectionUrl.redact(url);
    try (MetadataSource source = MetadataSource.open(settings)) {
      SchemaManager schema = new SchemaManager(source);
      int version = schema.version();
      if (version == SchemaScripts.LIBRARY_VERSION) {
        out.printf("%s is at schema version %d already: nothing to do.%n", shown, version);
        return 0;
      }
      if (version == SchemaManager.EMPTY) {
        out.printf("%s holds no MLMD schema; creating version %d.%n", shown,
            SchemaScripts.LIBRARY_VERSION);
      } else if (version < SchemaScripts.LIBRARY_VERSION) {
        long rows = source.read(MigrateCommand::rows);
        out.printf("%s is at schema version %d. Upgrading it to version %d in %d steps, keeping"
            + " its %d rows%s:%n", shown, version, SchemaScripts.LIBRARY_VERSION,
            SchemaScripts.LIBRARY_VERSION - version, rows, source.dialect() == Dialect.SQLITE
                ? " (one transaction: all steps or none)" : "");
        for (int step = version + 1; step <= SchemaScripts.LIBRARY_VERSION; step++) {
          out.printf("  to version %2d: %s%n", step, SchemaScripts.UPGRADE_SUMMARIES.get(step));
        }
      }
      out.flush();
      schema.open(settings.migration().toBuilder().setEnableUpgradeMigration(true).build(),
          ProgressDisplay.on(spec.commandLine().getErr(), "steps"));
      out.printf("Done: schema version %d.%n", SchemaScripts.LIBRARY_VERSION);
    }
    return 0;
  }

  /** The rows of MLMD's tables that the database has (older versions lack some). */
  private static long rows(Connection c) throws SQLException {
    long rows = 0;
    for (String table : SchemaScripts.TABLES) {
      if (table.equals("MLMDEnv") || !exists(c, table)) {
        continue;
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
        rs.next();
        rows += rs.getLong(1);
      }
    }
    return rows;
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table)) {
          return true;
        }
      }
      return false;
    }
  }
}
