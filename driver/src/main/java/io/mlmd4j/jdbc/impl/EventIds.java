package io.mlmd4j.jdbc.impl;

import io.mlmd4j.proto.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The ids of events, which MLMD's {@link Event} message does not carry. An event is one of a
 * kind between its artifact and execution (MLMD's schema makes the three unique), and events are
 * never changed, so one query by execution id finds them after the walk that returned them.
 */
final class EventIds {

  /** Execution ids per query: well under the backends' limits on parameters. */
  private static final int CHUNK = 500;

  private record Key(long artifactId, long executionId, int type) {}

  private final Map<Key, Long> ids = new HashMap<>();

  private EventIds() {}

  /** Looks up the ids of {@code events} in MLMD's {@code Event} table. */
  static EventIds of(DataSource dataSource, List<Event> events) throws SQLException {
    EventIds found = new EventIds();
    if (events.isEmpty()) {
      return found;
    }
    List<Long> executions = new ArrayList<>(new TreeSet<>(
        events.stream().map(Event::getExecutionId).toList()));
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < executions.size(); from += CHUNK) {
        List<Long> chunk = executions.subList(from, Math.min(from + CHUNK, executions.size()));
        String sql = "SELECT id, artifact_id, execution_id, type FROM Event"
            + " WHERE execution_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              found.ids.put(new Key(rs.getLong(2), rs.getLong(3), rs.getInt(4)), rs.getLong(1));
            }
          }
        }
      }
    }
    return found;
  }

  /** The id of {@code event}. */
  long id(Event event) {
    Long id = ids.get(new Key(event.getArtifactId(), event.getExecutionId(),
        event.getType().getNumber()));
    if (id == null) {
      throw new IllegalStateException("no event " + event.getType() + " between artifact "
          + event.getArtifactId() + " and execution " + event.getExecutionId());
    }
    return id;
  }
}
