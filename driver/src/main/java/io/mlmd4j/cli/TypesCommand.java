package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.PropertyType;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The store's types with their declared properties. */
@Command(name = "types", mixinStandardHelpOptions = true,
    description = "List the artifact, execution and context types with their properties.")
final class TypesCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreUrl url;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (MetadataStore store = url.open(spec.commandLine().getErr())) {
      Table table = new Table("KIND", "ID", "NAME", "VERSION", "BASE TYPE", "PROPERTIES");
      for (ArtifactType t : store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
          .getArtifactTypesList()) {
        table.row("artifact", t.getId(), t.getName(), t.getVersion(),
            t.hasBaseType() ? t.getBaseType() : "", properties(t.getPropertiesMap()));
      }
      for (ExecutionType t : store.getExecutionTypes(
          GetExecutionTypesRequest.getDefaultInstance()).getExecutionTypesList()) {
        table.row("execution", t.getId(), t.getName(), t.getVersion(),
            t.hasBaseType() ? t.getBaseType() : "", properties(t.getPropertiesMap()));
      }
      for (ContextType t : store.getContextTypes(GetContextTypesRequest.getDefaultInstance())
          .getContextTypesList()) {
        table.row("context", t.getId(), t.getName(), t.getVersion(), "",
            properties(t.getPropertiesMap()));
      }
      table.print(out);
    }
    return 0;
  }

  private static String properties(Map<String, PropertyType> properties) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(properties).forEach((name, type) -> text.append(text.length() == 0 ? "" : ", ")
        .append(name).append(' ').append(type));
    return text.toString();
  }
}
