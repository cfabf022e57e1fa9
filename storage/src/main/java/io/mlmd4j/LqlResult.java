package io.mlmd4j;

import com.google.protobuf.Message;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of an LQL statement ({@link MetadataStore#query}): its named result sets, in the
 * order the statement's {@code RETURN} lists them. A lineage query without {@code RETURN} has
 * one, {@code graph}; a cache lookup has one, {@code executions}. Names are matched ignoring
 * case; asking for a name that is not there, or with the accessor of another kind of result,
 * is an {@link IllegalArgumentException}. Nodes come whole (type name, properties), read in the
 * same transaction as the walk.
 */
public final class LqlResult {

  /**
   * A node the walk reached and its distance: the fewest events between it and a start node
   * (0 for a start node). The executions of a cache lookup have distance 0.
   */
  public record Reached<M extends Message>(M node, int distance) {
    public Reached {
      Objects.requireNonNull(node, "node");
    }
  }

  /**
   * A shortest path of the walk from a start node: {@code nodes} (artifacts and executions) and
   * the {@code events} between them in turn, so there is one event fewer than nodes.
   */
  public record Path(List<Message> nodes, List<Event> events) {
    public Path {
      nodes = List.copyOf(nodes);
      events = List.copyOf(events);
    }
  }

  /** What a result set holds. */
  private enum Kind { ARTIFACTS, EXECUTIONS, EVENTS, GRAPH, PATHS }

  private record Entry(String name, Kind kind, Object value) {}

  private final Map<String, Entry> results;

  private LqlResult(Map<String, Entry> results) {
    this.results = results;
  }

  /** The names of the result sets, in order, as the statement spells them. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    results.values().forEach(e -> names.add(e.name()));
    return Collections.unmodifiableList(names);
  }

  /** An {@code ARTIFACTS} result: each artifact once, by distance and then id. */
  @SuppressWarnings("unchecked")
  public List<Reached<Artifact>> artifacts(String name) {
    return (List<Reached<Artifact>>) get(name, Kind.ARTIFACTS);
  }

  /** An {@code EXECUTIONS} result, by distance and id; or a cache lookup's, newest first. */
  @SuppressWarnings("unchecked")
  public List<Reached<Execution>> executions(String name) {
    return (List<Reached<Execution>>) get(name, Kind.EXECUTIONS);
  }

  /** An {@code EVENTS} result: the events the walk followed, each once, in id order. */
  @SuppressWarnings("unchecked")
  public List<Event> events(String name) {
    return (List<Event>) get(name, Kind.EVENTS);
  }

  /**
   * A {@code GRAPH} result: the reached artifacts and executions (whole, in id order), the
   * events the walk followed between them, and the types of those nodes.
   */
  public LineageGraph graph(String name) {
    return (LineageGraph) get(name, Kind.GRAPH);
  }

  /** A {@code PATHS} result: one shortest path to each node it covers, by distance and id. */
  @SuppressWarnings("unchecked")
  public List<Path> paths(String name) {
    return (List<Path>) get(name, Kind.PATHS);
  }

  private Object get(String name, Kind kind) {
    Entry entry = results.get(name.toLowerCase(Locale.ROOT));
    if (entry == null) {
      throw new IllegalArgumentException("no result named " + name + "; results: " + names());
    }
    if (entry.kind() != kind) {
      throw new IllegalArgumentException("result " + name + " holds " + entry.kind()
          + ", not " + kind);
    }
    return entry.value();
  }

  @Override
  public String toString() {
    return "LqlResult" + names();
  }

  /** Builds a result; the store's. */
  public static final class Builder {
    private final Map<String, Entry> results = new LinkedHashMap<>();

    private Builder add(String name, Kind kind, Object value) {
      if (results.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entry(name, kind, value))
          != null) {
        throw new IllegalArgumentException("two results named " + name);
      }
      return this;
    }

    public Builder artifacts(String name, List<Reached<Artifact>> rows) {
      return add(name, Kind.ARTIFACTS, List.copyOf(rows));
    }

    public Builder executions(String name, List<Reached<Execution>> rows) {
      return add(name, Kind.EXECUTIONS, List.copyOf(rows));
    }

    public Builder events(String name, List<Event> events) {
      return add(name, Kind.EVENTS, List.copyOf(events));
    }

    public Builder graph(String name, LineageGraph graph) {
      return add(name, Kind.GRAPH, Objects.requireNonNull(graph));
    }

    public Builder paths(String name, List<Path> paths) {
      return add(name, Kind.PATHS, List.copyOf(paths));
    }

    public LqlResult build() {
      return new LqlResult(new LinkedHashMap<>(results));
    }
  }
}
