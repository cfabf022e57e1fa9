package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.Value;
import java.time.Instant;
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

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only nodes of this type.")
  String type;

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
      List<Artifact> artifacts = type == null
          ? store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList()
          : store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder().setTypeName(type)
              .build()).getArtifactsList();
      Table table = new Table("ID", "TYPE", "NAME", "URI", "STATE", "CREATED", "PROPERTIES");
      for (Artifact a : artifacts) {
        table.row(a.getId(), a.getType(), a.getName(), a.getUri(),
            a.hasState() ? a.getState() : "", time(a.getCreateTimeSinceEpoch()),
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
      List<Execution> executions = type == null
          ? store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList()
          : store.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder().setTypeName(type)
              .build()).getExecutionsList();
      Table table = new Table("ID", "TYPE", "NAME", "STATE", "CREATED");
      for (Execution x : executions) {
        table.row(x.getId(), SummaryCommand.shortName(x.getType()), x.getName(),
            x.hasLastKnownState() ? x.getLastKnownState() : "",
            time(x.getCreateTimeSinceEpoch()));
      }
      return table;
    }
  }
}
