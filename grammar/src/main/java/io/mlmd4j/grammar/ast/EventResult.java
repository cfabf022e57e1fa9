package io.mlmd4j.grammar.ast;

import java.util.Objects;

/** {@code RETURN EVENTS}: the events the walk followed, each once. */
public record EventResult(String name) implements LineageResult {

  /** The name without {@code AS}. */
  public static final String DEFAULT_NAME = "events";

  public EventResult {
    Objects.requireNonNull(name, "name");
  }
}
