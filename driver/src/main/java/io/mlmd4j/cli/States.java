package io.mlmd4j.cli;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Execution;

/**
 * A node's state as every command prints it: MLMD's enum name, {@code UNKNOWN} for a state that
 * was never set (as MLMD reads it back), so that a summary's counts and a listing's rows use the
 * same word.
 */
public final class States {

  private States() {}

  public static String of(Artifact artifact) {
    return artifact.getState().name();
  }

  public static String of(Execution execution) {
    return execution.getLastKnownState().name();
  }
}
