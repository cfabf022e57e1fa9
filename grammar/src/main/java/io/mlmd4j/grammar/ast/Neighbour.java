package io.mlmd4j.grammar.ast;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A neighbour alias such as {@code contexts_a}: one joined row, the same row wherever the same
 * alias appears in a filter, a different one for each different alias.
 *
 * @param kind what the alias joins
 * @param alias the part after the prefix: letters, digits and underscores, in lower case
 */
public record Neighbour(NeighbourKind kind, String alias) {

  private static final Pattern ALIAS = Pattern.compile("[0-9a-z_]+");

  /** @throws IllegalArgumentException if the alias is empty or has other characters */
  public Neighbour {
    Objects.requireNonNull(kind, "kind");
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("bad neighbour alias: " + alias);
    }
  }

  /** The alias as a filter writes it, e.g. {@code contexts_a}. */
  public String text() {
    return kind.prefix() + alias;
  }
}
