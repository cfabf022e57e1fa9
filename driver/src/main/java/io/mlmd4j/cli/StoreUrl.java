package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import java.io.PrintWriter;
import picocli.CommandLine.Parameters;

/** The optional store URL of a command (a picocli mixin): without it, the demo store. */
final class StoreUrl {

  @Parameters(arity = "0..1", paramLabel = "URL", description = "The store (default: the demo"
      + " store).")
  String value;

  /** Opens the store the URL names, or the demo store; notices go to {@code err}. */
  MetadataStore open(PrintWriter err) throws Exception {
    return StoreSelection.open(value, err);
  }
}
