package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.storage.schema.SchemaScripts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Upgrades an older MLMD schema to the library's version, after saying what it will do. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Upgrade a store's MLMD schema to version " + SchemaScripts.LIBRARY_VERSION
        + ", keeping every row. Says what it will do first; does nothing to a current store.")
final class MigrateCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The store to upgrade.")
  String url;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConnectionSettings settings = ConnectionUrl.parse(url);
    int version;
    try (MetadataSource source = MetadataSource.open(settings)) {
      version = new SchemaManager(source).version();
    }
    if (version == SchemaScripts.LIBRARY_VERSION) {
      out.printf("%s is at schema version %d already: nothing to do.%n",
          ConnectionUrl.redact(url), version);
      return 0;
    }
    out.printf("%s is at schema version %s; upgrading it to %d step by step, keeping every"
        + " row.%n", ConnectionUrl.redact(url), version == SchemaManager.EMPTY ? "none (empty)"
        : version, SchemaScripts.LIBRARY_VERSION);
    out.flush();
    try (MetadataStore store = MetadataStore.open(settings.config(), settings.migration()
        .toBuilder().setEnableUpgradeMigration(true).build())) {
      out.printf("Done: schema version %d.%n", SchemaScripts.LIBRARY_VERSION);
    }
    return 0;
  }

}
