package io.mlmd4j.store.spi;

import io.mlmd4j.MlmdException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link QueryCompiler} on the class path, once. */
public final class QueryCompilers {

  private static final QueryCompiler FOUND = load();

  private QueryCompilers() {}

  private static QueryCompiler load() {
    Iterator<QueryCompiler> found =
        ServiceLoader.load(QueryCompiler.class, QueryCompilers.class.getClassLoader()).iterator();
    return found.hasNext() ? found.next() : null;
  }

  /**
   * The compiler on the class path.
   *
   * @param feature what needs it, for the message, e.g. "filter_query"
   * @throws MlmdException UNIMPLEMENTED if there is none
   */
  public static QueryCompiler require(String feature) {
    if (FOUND == null) {
      throw MlmdException.unimplemented("%s needs mlmd4j's query planner: add the artifact"
          + " io.mlmd4j:mlmd4j-planner to the class path", feature);
    }
    return FOUND;
  }
}
