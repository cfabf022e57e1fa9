package io.mlmd4j.grammar.ast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MLMD enums whose value names a filter may use in place of their numbers, with MLMD's
 * numbering (metadata_store.proto). All values are accepted, including the ones MLMD's own
 * filter rewriting forgets ({@code ABANDONED}, {@code REFERENCE}, {@code PENDING_OUTPUT},
 * {@code UNKNOWN} for events).
 */
public enum EnumType {
  /** {@code Artifact.State}, the type of an artifact's {@code state}. */
  ARTIFACT_STATE("artifact state",
      "UNKNOWN", "PENDING", "LIVE", "MARKED_FOR_DELETION", "DELETED", "ABANDONED", "REFERENCE"),
  /** {@code Execution.State}, the type of an execution's {@code last_known_state}. */
  EXECUTION_STATE("execution state",
      "UNKNOWN", "NEW", "RUNNING", "COMPLETE", "FAILED", "CACHED", "CANCELED"),
  /** {@code Event.Type}, the type of an event's {@code type}. */
  EVENT_TYPE("event type",
      "UNKNOWN", "DECLARED_OUTPUT", "DECLARED_INPUT", "INPUT", "OUTPUT", "INTERNAL_INPUT",
      "INTERNAL_OUTPUT", "PENDING_OUTPUT");

  private final String displayName;
  private final Map<String, Integer> numbers = new LinkedHashMap<>();

  /** {@code names} in the order of their numbers, 0 first. */
  EnumType(String displayName, String... names) {
    this.displayName = displayName;
    for (int i = 0; i < names.length; i++) {
      numbers.put(names[i], i);
    }
  }

  /** The value names, in the order of their numbers. */
  public List<String> names() {
    return List.copyOf(numbers.keySet());
  }

  /** Whether {@code name} (in any case) is one of this enum's values. */
  public boolean contains(String name) {
    return numbers.containsKey(name.toUpperCase(Locale.ROOT));
  }

  /**
   * MLMD's number of the value {@code name} (in any case).
   *
   * @throws IllegalArgumentException if this enum has no such value
   */
  public int number(String name) {
    Integer number = numbers.get(name.toUpperCase(Locale.ROOT));
    if (number == null) {
      throw new IllegalArgumentException("no " + displayName + " named " + name);
    }
    return number;
  }

  /** The lower-case name used in error messages, e.g. "artifact state". */
  public String displayName() {
    return displayName;
  }
}
