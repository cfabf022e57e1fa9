package io.mlmd4j.connect;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MigrationOptions;
import java.util.Objects;

/**
 * What opening a store needs: MLMD's {@link ConnectionConfig} and {@link MigrationOptions}, as
 * given directly or parsed from a {@code jdbc:mlmd:} URL by {@link ConnectionUrl}, and how LQL
 * walks run.
 *
 * @param perHopLineageWalks run LQL lineage walks as one query per hop even where the server
 *     has recursive queries (the {@code lineageWalk=perHop} property)
 */
public record ConnectionSettings(ConnectionConfig config, MigrationOptions migration,
    boolean perHopLineageWalks) {

  public ConnectionSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(migration, "migration");
  }

  /** Settings whose lineage walks are recursive queries where the server has them. */
  public ConnectionSettings(ConnectionConfig config, MigrationOptions migration) {
    this(config, migration, false);
  }

  /** The settings with the passwords of the config hidden. */
  @Override
  public String toString() {
    ConnectionConfig.Builder shown = config.toBuilder();
    if (shown.hasMysql() && shown.getMysql().hasPassword()) {
      shown.getMysqlBuilder().setPassword("***");
    }
    if (shown.hasPostgresql()) {
      if (shown.getPostgresql().hasPassword()) {
        shown.getPostgresqlBuilder().setPassword("***");
      }
      if (shown.getPostgresql().getSsloption().hasSslpassword()) {
        shown.getPostgresqlBuilder().getSsloptionBuilder().setSslpassword("***");
      }
    }
    return "ConnectionSettings[config=" + shown.build() + ", migration=" + migration
        + ", perHopLineageWalks=" + perHopLineageWalks + "]";
  }

  /** The backend the config names; INVALID_ARGUMENT when it names none, as MLMD does. */
  public Backend backend() {
    return switch (config.getConfigCase()) {
      case FAKE_DATABASE -> Backend.FAKE;
      case SQLITE -> Backend.SQLITE;
      case MYSQL -> Backend.MYSQL;
      case POSTGRESQL -> throw MlmdException.unimplemented(
          "PostgreSQL is not supported by mlmd4j; use fake_database, sqlite or mysql");
      case CONFIG_NOT_SET -> throw MlmdException.invalidArgument(
          "Unset connection config: set one of fake_database, sqlite or mysql");
    };
  }
}
