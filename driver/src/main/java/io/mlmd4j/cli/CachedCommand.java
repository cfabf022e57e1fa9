package io.mlmd4j.cli;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Execution;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlmd cached}: the cache lookup an orchestrator such as TFX makes before it runs a step,
 * as LQL's {@code CACHED EXECUTIONS OF TYPE ... WITH INPUTS (...)} through
 * {@link MetadataStore#query}.
 */
@Command(name = "cached", mixinStandardHelpOptions = true,
    description = {"Find the executions of a type that ran on exactly these input artifacts"
        + " (and, with --match, with these property values): the cache lookup TFX makes before"
        + " running a step. Newest first; the first is the one to reuse. This is LQL's"
        + " CACHED EXECUTIONS OF TYPE 'T' WITH INPUTS (ids) [MATCHING PROPERTIES (...)]"
        + " [WHERE ...] (grammar/README.md)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:cached executions found and listed",
        "5:no cached execution", "2:bad arguments",
        "3:unknown type, bad filter or property value", "1,4:other errors, as for every command"})
final class CachedCommand implements Callable<Integer> {

  /** The exit code when nothing is cached: distinct from every error's. */
  static final int NOTHING_CACHED = 5;

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?"
      + "|-?\\d+[eE][-+]?\\d+");

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreUrl url;

  @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE",
      description = "The execution type: its full name, or the last part of it when that names"
          + " one type (Trainer for tfx.components.trainer.component.Trainer).")
  String type;

  @Option(names = "--type-version", paramLabel = "VERSION",
      description = "The type's version; without it, the type that has no version.")
  String typeVersion;

  @Option(names = {"-i", "--inputs"}, required = true, paramLabel = "IDS",
      description = "The input artifact ids, comma separated; \"\" for none (an ExampleGen).")
  String inputs;

  @Option(names = {"-m", "--match"}, paramLabel = "NAME=VALUE",
      description = "A property (declared or custom) the execution must have with this value;"
          + " repeatable. 12 is an int, 0.5 a double, true/false a bool, anything else (or"
          + " 'quoted') a string.")
  List<String> matches = new ArrayList<>();

  @Option(names = {"-w", "--where"}, paramLabel = "FILTER",
      description = "A filter on the executions, e.g. \"last_known_state IN (COMPLETE, CACHED)\".")
  String where;

  @Override
  public Integer call() throws Exception {
    try (MetadataStore store = url.open(spec.commandLine().getErr())) {
      return lookup(store, spec.commandLine().getOut());
    }
  }

  /** Runs the lookup on the store and prints what it finds; returns the exit code. */
  int lookup(MetadataStore store, PrintWriter out) {
    String typeName = resolveType(store);
    String lql = lql(typeName);
    List<LqlResult.Reached<Execution>> found = store.query(lql).executions("executions");
    String what = String.format("type %s%s with inputs (%s)", typeName,
        typeVersion == null ? "" : " version " + typeVersion, String.join(", ", inputIds()));
    if (found.isEmpty()) {
      out.println("No cached execution of " + what + ".");
      out.flush();
      return NOTHING_CACHED;
    }
    out.printf("%d cached execution%s of %s, newest first:%n", found.size(),
        found.size() == 1 ? "" : "s", what);
    Table table = new Table("ID", "NAME", "STATE", "CREATED", "PROPERTIES");
    for (LqlResult.Reached<Execution> r : found) {
      Execution x = r.node();
      table.row(x.getId(), x.getName(), States.of(x),
          NodesCommand.time(x.getCreateTimeSinceEpoch()),
          NodesCommand.properties(x.getPropertiesMap(), x.getCustomPropertiesMap()));
    }
    table.print(out);
    return 0;
  }

  /** The LQL statement of the lookup. */
  String lql(String typeName) {
    StringBuilder lql = new StringBuilder("CACHED EXECUTIONS OF TYPE ").append(string(typeName));
    if (typeVersion != null) {
      lql.append(" VERSION ").append(string(typeVersion));
    }
    lql.append(" WITH INPUTS (").append(String.join(", ", inputIds())).append(')');
    if (!matches.isEmpty()) {
      lql.append(" MATCHING PROPERTIES (").append(matches.stream().map(CachedCommand::match)
          .collect(Collectors.joining(", "))).append(')');
    }
    if (where != null && !where.isBlank()) {
      lql.append(" WHERE ").append(where);
    }
    return lql.toString();
  }

  private List<String> inputIds() {
    List<String> ids = new ArrayList<>();
    for (String id : inputs.split(",")) {
      if (id.isBlank()) {
        continue;
      }
      if (!INTEGER.matcher(id.strip()).matches()) {
        throw MlmdException.invalidArgument("'%s' is not an artifact id", id.strip());
      }
      ids.add(id.strip());
    }
    return ids;
  }

  /** {@code name=value} as LQL's {@code `name` = literal}. */
  private static String match(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw MlmdException.invalidArgument("--match takes NAME=VALUE, not '%s'", text);
    }
    String name = text.substring(0, eq).strip();
    String value = text.substring(eq + 1).strip();
    String literal;
    if (INTEGER.matcher(value).matches() || DECIMAL.matcher(value).matches()
        || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      literal = value;
    } else if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      literal = string(value.substring(1, value.length() - 1));
    } else {
      literal = string(value);
    }
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "` = " + literal;
  }

  /** A string literal of LQL (backslash escapes). */
  private static String string(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The full name of the execution type {@code -t} names ({@link TypeNames}). */
  private String resolveType(MetadataStore store) {
    return TypeNames.executionType(store, type);
  }
}
