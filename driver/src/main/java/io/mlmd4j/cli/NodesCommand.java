package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsByTypeResponse;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetArtifactsResponse;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsByTypeResponse;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetExecutionsResponse;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Lists of artifacts or executions, optionally of one type. */
abstract class NodesCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreUrl url;

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only nodes of this type: its full name, or the last dotted part"
      + " (Trainer), in any case.")
  String type;

  @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "Only nodes that"
      + " match this MLMD filter query, e.g. \"uri LIKE '%%model%%'\".")
  String filter;

  /** Options of one page of the nodes that match the filter. */
  ListOperationOptions page(String token) {
    return ListOperationOptions.newBuilder().setFilterQuery(filter).setMaxResultSize(PAGE)
        .setNextPageToken(token).build();
  }

  /** MLMD's largest page. */
  private static final int PAGE = 100;

  @Override
  public Integer call() throws Exception {
    try (MetadataStore store = url.open(spec.commandLine().getErr())) {
      table(store).print(spec.commandLine().getOut());
    }
    return 0;
  }

  abstract Table table(MetadataStore store);

  static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  static String properties(Map<String, Value> properties, Map<String, Value> custom) {
    Map<String, Value> all = new TreeMap<>(properties);
    all.putAll(custom);
    StringBuilder text = new StringBuilder();
    all.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name)
        .append('=').append(CompareCommand.show(value)));
    return text.toString();
  }

  @Command(name = "artifacts", mixinStandardHelpOptions = true,
      description = "List artifacts: id, type, name, uri, state, creation time, properties.")
  static final class Artifacts extends NodesCommand {
    @Override
    Table table(MetadataStore store) {
      // An unknown type is named as such, where listing its nodes would answer with none.
      String typeName = type == null ? null : TypeNames.artifactType(store, type);
      List<Artifact> artifacts = new ArrayList<>();
      if (filter == null) {
        artifacts.addAll(typeName == null
            ? store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList()
            : store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
                .setTypeName(typeName).build()).getArtifactsList());
      } else {
        String token = "";
        do {
          ListOperationOptions options = page(token);
          if (typeName == null) {
            GetArtifactsResponse r = store.getArtifacts(
                GetArtifactsRequest.newBuilder().setOptions(options).build());
            artifacts.addAll(r.getArtifactsList());
            token = r.getNextPageToken();
          } else {
            GetArtifactsByTypeResponse r = store.getArtifactsByType(GetArtifactsByTypeRequest
                .newBuilder().setTypeName(typeName).setOptions(options).build());
            artifacts.addAll(r.getArtifactsList());
            token = r.getNextPageToken();
          }
        } while (!token.isEmpty());
      }
      Table table = new Table("ID", "TYPE", "NAME", "URI", "STATE", "CREATED", "PROPERTIES");
      for (Artifact a : artifacts) {
        table.row(a.getId(), a.getType(), a.getName(), a.getUri(),
            States.of(a), time(a.getCreateTimeSinceEpoch()),
            properties(a.getPropertiesMap(), a.getCustomPropertiesMap()));
      }
      return table;
    }
  }

  @Command(name = "executions", mixinStandardHelpOptions = true,
      description = "List executions: id, type, name, state, creation time.")
  static final class Executions extends NodesCommand {
    @Override
    Table table(MetadataStore store) {
      String typeName = type == null ? null : TypeNames.executionType(store, type);
      List<Execution> executions = new ArrayList<>();
      if (filter == null) {
        executions.addAll(typeName == null
            ? store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList()
            : store.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
                .setTypeName(typeName).build()).getExecutionsList());
      } else {
        String token = "";
        do {
          ListOperationOptions options = page(token);
          if (typeName == null) {
            GetExecutionsResponse r = store.getExecutions(
                GetExecutionsRequest.newBuilder().setOptions(options).build());
            executions.addAll(r.getExecutionsList());
            token = r.getNextPageToken();
          } else {
            GetExecutionsByTypeResponse r = store.getExecutionsByType(GetExecutionsByTypeRequest
                .newBuilder().setTypeName(typeName).setOptions(options).build());
            executions.addAll(r.getExecutionsList());
            token = r.getNextPageToken();
          }
        } while (!token.isEmpty());
      }
      Table table = new Table("ID", "TYPE", "NAME", "STATE", "CREATED");
      for (Execution x : executions) {
        table.row(x.getId(), TypeNames.shortName(x.getType()), x.getName(),
            States.of(x),
            time(x.getCreateTimeSinceEpoch()));
      }
      return table;
    }
  }
}
