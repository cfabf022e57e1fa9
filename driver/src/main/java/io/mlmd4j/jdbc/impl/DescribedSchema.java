package io.mlmd4j.jdbc.impl;

import java.util.List;

/** A schema of the driver that can list the shapes of its tables for {@code DatabaseMetaData}. */
public interface DescribedSchema {

  /** The tables as of now, sorted by name. */
  List<TableShape> tableShapes();
}
