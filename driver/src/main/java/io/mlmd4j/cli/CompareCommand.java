package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Artifacts side by side, property by property, with the rows that differ marked. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Show artifacts side by side, property by property; rows whose values differ"
        + " are marked with '*'.")
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "[URL] ID",
      description = "An optional store URL, then two or more artifact ids.")
  List<String> arguments;

  @Override
  public Integer call() throws Exception {
    String url = StoreSelection.isUrl(arguments.get(0)) ? arguments.get(0) : null;
    List<Long> ids = new ArrayList<>();
    for (String id : arguments.subList(url == null ? 0 : 1, arguments.size())) {
      try {
        ids.add(Long.parseLong(id));
      } catch (NumberFormatException e) {
        throw MlmdException.invalidArgument("'%s' is not an artifact id", id);
      }
    }
    if (ids.size() < 2) {
      throw MlmdException.invalidArgument("compare needs two or more artifact ids");
    }
    try (MetadataStore store = StoreSelection.open(url, spec.commandLine().getErr())) {
      List<Artifact> found = store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addAllArtifactIds(ids).build()).getArtifactsList();
      List<Artifact> artifacts = new ArrayList<>();
      for (Long id : ids) {
        artifacts.add(found.stream().filter(a -> a.getId() == id).findFirst().orElseThrow(
            () -> MlmdException.notFound("No artifact with id %d", id)));
      }
      Set<String> types = new HashSet<>();
      artifacts.forEach(a -> types.add(a.getType()));
      if (types.size() > 1) {
        throw MlmdException.invalidArgument("compare takes artifacts of one type; these are of"
            + " types %s", new TreeSet<>(types));
      }
      String[] header = new String[artifacts.size() + 2];
      header[0] = "";
      header[1] = "FIELD";
      for (int i = 0; i < artifacts.size(); i++) {
        header[i + 2] = "#" + artifacts.get(i).getId();
      }
      Table table = new Table(header);
      row(table, "name", artifacts, Artifact::getName);
      row(table, "uri", artifacts, Artifact::getUri);
      row(table, "state", artifacts, States::of);
      row(table, "created", artifacts, a -> NodesCommand.time(a.getCreateTimeSinceEpoch()));
      for (String name : names(artifacts, false)) {
        row(table, name, artifacts, a -> show(a.getPropertiesMap().get(name)));
      }
      for (String name : names(artifacts, true)) {
        row(table, "custom:" + name, artifacts, a -> show(a.getCustomPropertiesMap().get(name)));
      }
      table.print(spec.commandLine().getOut());
    }
    return 0;
  }

  private static Set<String> names(List<Artifact> artifacts, boolean custom) {
    Set<String> names = new TreeSet<>();
    for (Artifact a : artifacts) {
      Map<String, Value> map = custom ? a.getCustomPropertiesMap() : a.getPropertiesMap();
      names.addAll(map.keySet());
    }
    return names;
  }

  private static void row(Table table, String field, List<Artifact> artifacts,
      java.util.function.Function<Artifact, String> value) {
    Object[] cells = new Object[artifacts.size() + 2];
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < artifacts.size(); i++) {
      String v = value.apply(artifacts.get(i));
      cells[i + 2] = v;
      distinct.add(Objects.toString(v));
    }
    cells[0] = distinct.size() > 1 ? "*" : "";
    cells[1] = field;
    table.row(cells);
  }

  /** A property value as text; "" for a missing one. */
  static String show(Value value) {
    if (value == null) {
      return "";
    }
    return switch (value.getValueCase()) {
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case STRUCT_VALUE -> value.getStructValue().toString().replaceAll("\\s+", " ").trim();
      case PROTO_VALUE -> value.getProtoValue().getTypeUrl();
      case VALUE_NOT_SET -> "";
    };
  }
}
