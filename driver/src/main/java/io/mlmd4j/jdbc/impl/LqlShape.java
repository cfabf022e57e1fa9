package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.google.protobuf.Message;
import io.mlmd4j.LqlResult;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rows of an LQL result set, one shape per kind of {@code RETURN} item. Node rows have the
 * columns of the logical {@code artifacts} or {@code executions} table, event rows those of
 * {@code events}, so that SQL users meet the same names and types. The README's "SQL over JDBC"
 * section documents them.
 */
enum LqlShape {
  /** The logical {@code artifacts} columns and {@code distance}. */
  ARTIFACTS(withDistance(NodeKind.ARTIFACT.nodeColumns())),
  /** The logical {@code executions} columns and {@code distance}. */
  EXECUTIONS(withDistance(NodeKind.EXECUTION.nodeColumns())),
  /** The logical {@code events} columns. */
  EVENTS(List.of(Column.notNull("id", BIGINT, "The event's id"),
      Column.notNull("artifact_id", BIGINT, "The artifact"),
      Column.notNull("execution_id", BIGINT, "The execution"),
      Column.nullable("type", VARCHAR, "INPUT, OUTPUT, ..."),
      Column.nullable("milliseconds_since_epoch", BIGINT, "When it happened"))),
  /**
   * One row per artifact, execution and event, in that order, told apart by {@code kind}; a
   * column that does not apply to a row's kind is NULL.
   */
  GRAPH(List.of(Column.notNull("kind", VARCHAR, "ARTIFACT, EXECUTION or EVENT"),
      Column.notNull("id", BIGINT, "The node's or event's id"),
      Column.nullable("type_id", BIGINT, "A node's type id"),
      Column.nullable("type", VARCHAR, "A node's type name, an event's type (INPUT, ...)"),
      Column.nullable("name", VARCHAR, "A node's name"),
      Column.nullable("uri", VARCHAR, "An artifact's URI"),
      Column.nullable("state", VARCHAR, "An artifact's state, an execution's last known state"),
      Column.nullable("external_id", VARCHAR, "A node's external id"),
      Column.nullable("create_time_since_epoch", BIGINT, "A node's creation time"),
      Column.nullable("last_update_time_since_epoch", BIGINT, "A node's last update time"),
      Column.nullable("artifact_id", BIGINT, "An event's artifact"),
      Column.nullable("execution_id", BIGINT, "An event's execution"),
      Column.nullable("milliseconds_since_epoch", BIGINT, "When an event happened"))),
  /**
   * One row per step of each path: nodes and events in turn, from the start node ({@code step}
   * 0) to the node the path leads to.
   */
  PATHS(List.of(Column.notNull("path", INTEGER, "The path's number, from 1"),
      Column.notNull("step", INTEGER, "The step's place on the path, from 0"),
      Column.notNull("kind", VARCHAR, "ARTIFACT, EXECUTION or EVENT"),
      Column.notNull("id", BIGINT, "The node's or event's id"),
      Column.nullable("type", VARCHAR, "A node's type name, an event's type (INPUT, ...)"),
      Column.nullable("name", VARCHAR, "A node's name")));

  final List<Column> columns;

  LqlShape(List<Column> columns) {
    this.columns = columns;
  }

  private static List<Column> withDistance(List<Column> nodeColumns) {
    List<Column> columns = new ArrayList<>(nodeColumns);
    columns.add(Column.notNull("distance", INTEGER,
        "Events between the node and the nearest start node"));
    return List.copyOf(columns);
  }

  /** The rows of result {@code name}; event ids are looked up in {@code dataSource}. */
  List<Object[]> rows(LqlResult result, String name, DataSource dataSource) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    switch (this) {
      case ARTIFACTS -> result.artifacts(name)
          .forEach(r -> rows.add(withDistance(artifact(r.node()), r.distance())));
      case EXECUTIONS -> result.executions(name)
          .forEach(r -> rows.add(withDistance(execution(r.node()), r.distance())));
      case EVENTS -> {
        List<Event> events = result.events(name);
        EventIds ids = EventIds.of(dataSource, events);
        for (Event e : events) {
          rows.add(new Object[] {ids.id(e), e.getArtifactId(), e.getExecutionId(),
              e.hasType() ? e.getType().name() : null,
              e.hasMillisecondsSinceEpoch() ? e.getMillisecondsSinceEpoch() : null});
        }
      }
      case GRAPH -> {
        LineageGraph g = result.graph(name);
        EventIds ids = EventIds.of(dataSource, g.getEventsList());
        for (Artifact a : g.getArtifactsList()) {
          rows.add(new Object[] {"ARTIFACT", a.getId(), a.getTypeId(), a.getType(), name(a),
              a.hasUri() ? a.getUri() : null, a.hasState() ? a.getState().name() : null,
              a.hasExternalId() ? a.getExternalId() : null, a.getCreateTimeSinceEpoch(),
              a.getLastUpdateTimeSinceEpoch(), null, null, null});
        }
        for (Execution x : g.getExecutionsList()) {
          rows.add(new Object[] {"EXECUTION", x.getId(), x.getTypeId(), x.getType(), name(x),
              null, x.hasLastKnownState() ? x.getLastKnownState().name() : null,
              x.hasExternalId() ? x.getExternalId() : null, x.getCreateTimeSinceEpoch(),
              x.getLastUpdateTimeSinceEpoch(), null, null, null});
        }
        for (Event e : g.getEventsList()) {
          rows.add(new Object[] {"EVENT", ids.id(e), null, e.hasType() ? e.getType().name() : null,
              null, null, null, null, null, null, e.getArtifactId(), e.getExecutionId(),
              e.hasMillisecondsSinceEpoch() ? e.getMillisecondsSinceEpoch() : null});
        }
      }
      case PATHS -> {
        List<LqlResult.Path> paths = result.paths(name);
        EventIds ids = EventIds.of(dataSource,
            paths.stream().flatMap(p -> p.events().stream()).toList());
        int number = 0;
        for (LqlResult.Path p : paths) {
          number++;
          for (int i = 0; i < p.nodes().size(); i++) {
            if (i > 0) {
              Event e = p.events().get(i - 1);
              rows.add(new Object[] {number, 2 * i - 1, "EVENT", ids.id(e),
                  e.hasType() ? e.getType().name() : null, null});
            }
            Message node = p.nodes().get(i);
            rows.add(node instanceof Artifact a
                ? new Object[] {number, 2 * i, "ARTIFACT", a.getId(), a.getType(), name(a)}
                : new Object[] {number, 2 * i, "EXECUTION", ((Execution) node).getId(),
                    ((Execution) node).getType(), name((Execution) node)});
          }
        }
      }
    }
    return rows;
  }

  /** An {@code artifacts} row. */
  static Object[] artifact(Artifact a) {
    return new Object[] {a.getId(), a.getTypeId(), a.getType(), name(a),
        a.hasUri() ? a.getUri() : null, a.hasState() ? a.getState().name() : null,
        a.hasExternalId() ? a.getExternalId() : null, a.getCreateTimeSinceEpoch(),
        a.getLastUpdateTimeSinceEpoch()};
  }

  /** An {@code executions} row. */
  static Object[] execution(Execution x) {
    return new Object[] {x.getId(), x.getTypeId(), x.getType(), name(x),
        x.hasLastKnownState() ? x.getLastKnownState().name() : null,
        x.hasExternalId() ? x.getExternalId() : null, x.getCreateTimeSinceEpoch(),
        x.getLastUpdateTimeSinceEpoch()};
  }

  private static String name(Artifact a) {
    return a.hasName() ? a.getName() : null;
  }

  private static String name(Execution x) {
    return x.hasName() ? x.getName() : null;
  }

  private static Object[] withDistance(Object[] node, int distance) {
    Object[] row = Arrays.copyOf(node, node.length + 1);
    row[node.length] = distance;
    return row;
  }
}
