package io.mlmd4j;

import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.schema.SchemaManager;

/**
 * An MLMD metadata store: MLMD's {@code MetadataStoreService}, one method per RPC, on MLMD's own
 * protobuf messages. Thread-safe; every call is one transaction that either takes effect whole or
 * leaves no trace. Close it to release its connections (a fake store's data goes with it).
 */
public final class MetadataStore implements AutoCloseable {

  private final MetadataSource source;

  private MetadataStore(MetadataSource source) {
    this.source = source;
  }

  /**
   * Opens the store a {@code jdbc:mlmd:} URL names ({@code jdbc:mlmd:fake},
   * {@code jdbc:mlmd:sqlite:<path>}, {@code jdbc:mlmd:mysql://host[:port]/database}), creating
   * MLMD's schema in an empty database.
   *
   * @throws MlmdException INVALID_ARGUMENT for a malformed URL (the message names the bad part);
   *     FAILED_PRECONDITION for a schema older (without {@code enableUpgradeMigration=true}) or
   *     newer than version 10; ABORTED when another process is creating the schema
   */
  public static MetadataStore open(String url) {
    return open(ConnectionUrl.parse(url));
  }

  /** Opens the store MLMD's connection config names, with MLMD's migration options. */
  public static MetadataStore open(ConnectionConfig config, MigrationOptions migration) {
    return open(new ConnectionSettings(config, migration));
  }

  public static MetadataStore open(ConnectionSettings settings) {
    settings.backend(); // refuses an unset config before anything is opened
    MetadataSource source = MetadataSource.open(settings);
    try {
      new SchemaManager(source).open(settings.migration());
      return new MetadataStore(source);
    } catch (RuntimeException e) {
      try {
        source.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    source.close();
  }
}
