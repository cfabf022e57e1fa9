package io.mlmd4j.jdbc.impl;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.grammar.Lql;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.EventResult;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeResult;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An LQL statement prepared as the driver prepares SQL, so that {@code Statement.execute*},
 * {@code PreparedStatement} and {@code ResultSetMetaData} work as they do for SQL. Preparing
 * parses the statement (a syntax error is a {@link io.mlmd4j.grammar.QuerySyntaxException});
 * executing runs it with {@link MetadataStore#query} on the connection's store, where a walk is
 * one SQL statement, and gives its first result set. The others, one per further {@code RETURN}
 * item, come from {@link #next()} over the same run, without running it again.
 */
public final class LqlSignature extends CalcitePrepare.CalciteSignature<Object> {

  /** One result set of the statement: its name and shape. */
  private record Part(String name, LqlShape shape) {}

  /** The statement and what its latest execution returned. */
  private static final class Run {
    final String text;
    final List<Part> parts;
    final JavaTypeFactory typeFactory;
    final @Nullable CalciteSchema rootSchema;
    final long maxRowCount;
    volatile @Nullable LqlResult result;
    volatile @Nullable MetadataStore store;

    Run(String text, List<Part> parts, JavaTypeFactory typeFactory,
        @Nullable CalciteSchema rootSchema, long maxRowCount) {
      this.text = text;
      this.parts = parts;
      this.typeFactory = typeFactory;
      this.rootSchema = rootSchema;
      this.maxRowCount = maxRowCount;
    }

    List<Object[]> rows(int index) {
      LqlResult r = result;
      MetadataStore s = store;
      if (r == null || s == null) {
        throw new IllegalStateException("the LQL statement has not run");
      }
      Part part = parts.get(index);
      try {
        return part.shape().rows(r, part.name(), s.readOnlyDataSource());
      } catch (SQLException e) {
        throw new IllegalStateException("reading the ids of events failed: " + e.getMessage(),
            e);
      }
    }
  }

  private final Run run;
  private final int index;

  private LqlSignature(String sql, Run run, int index) {
    super(sql, List.of(), Map.of(), rowType(run.typeFactory, run.parts.get(index).shape()),
        columns(run.typeFactory, run.parts.get(index).shape()), Meta.CursorFactory.ARRAY,
        run.rootSchema, List.of(), run.maxRowCount, bindable(run, index),
        Meta.StatementType.SELECT);
    this.run = run;
    this.index = index;
  }

  /** Whether {@code sql} is LQL, which {@link #prepare} takes, rather than SQL. */
  public static boolean isLql(String sql) {
    return LqlText.isLql(sql);
  }

  /** Parses an LQL statement into the signature of its first result set. */
  public static LqlSignature prepare(CalcitePrepare.Context context, String sql,
      long maxRowCount) {
    String text = LqlText.forParser(sql);
    LqlStatement statement = Lql.parse(text);
    return new LqlSignature(sql, new Run(text, parts(statement),
        context.getTypeFactory(), context.getRootSchema(), maxRowCount), 0);
  }

  /** Whether the statement has a result set after this one. */
  public boolean hasNext() {
    return index + 1 < run.parts.size();
  }

  /** The next result set of the run this one belongs to. */
  public LqlSignature next() {
    if (!hasNext()) {
      throw new IllegalStateException("no result set after " + run.parts.get(index).name());
    }
    return new LqlSignature(sql, run, index + 1);
  }

  private static List<Part> parts(LqlStatement statement) {
    if (statement instanceof CacheLookup) {
      return List.of(new Part("executions", LqlShape.EXECUTIONS));
    }
    List<Part> parts = new ArrayList<>();
    for (LineageResult r : ((LineageQuery) statement).results()) {
      LqlShape shape;
      if (r instanceof NodeResult n) {
        shape = n.kind() == io.mlmd4j.grammar.ast.NodeKind.ARTIFACT
            ? LqlShape.ARTIFACTS : LqlShape.EXECUTIONS;
      } else if (r instanceof EventResult) {
        shape = LqlShape.EVENTS;
      } else if (r instanceof GraphResult) {
        shape = LqlShape.GRAPH;
      } else {
        shape = LqlShape.PATHS;
      }
      parts.add(new Part(r.name(), shape));
    }
    return parts;
  }

  /** The first result set runs the statement; the others read what that run returned. */
  private static Bindable<Object> bindable(Run run, int index) {
    if (index > 0) {
      return dataContext -> Linq4j.asEnumerable(List.<Object>copyOf(run.rows(index)));
    }
    return dataContext -> {
      MetadataStore store = store(dataContext);
      run.result = store.query(run.text);
      run.store = store;
      return Linq4j.asEnumerable(List.<Object>copyOf(run.rows(0)));
    };
  }

  private static MetadataStore store(DataContext dataContext) {
    try {
      return ((Connection) dataContext.getQueryProvider()).unwrap(MetadataStore.class);
    } catch (SQLException e) {
      throw new IllegalStateException("the connection has no store: " + e.getMessage(), e);
    }
  }

  static RelDataType rowType(RelDataTypeFactory typeFactory, LqlShape shape) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (Column c : shape.columns) {
      row.add(c.name(), SqlTypes.of(typeFactory, c.type(), c.nullable()));
    }
    return row.build();
  }

  /** The columns as Calcite describes those of a query with the same row type. */
  private static List<ColumnMetaData> columns(JavaTypeFactory typeFactory, LqlShape shape) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (Column c : shape.columns) {
      RelDataType type = SqlTypes.of(typeFactory, c.type(), c.nullable());
      ColumnMetaData.AvaticaType avaticaType = ColumnMetaData.scalar(
          c.type().getJdbcOrdinal(), c.type().getName(),
          ColumnMetaData.Rep.of(typeFactory.getJavaClass(type)));
      columns.add(new ColumnMetaData(columns.size(), false, true, false, false,
          c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
          true, type.getPrecision(), c.name(), c.name(), null, Math.max(type.getPrecision(), 0),
          0, null, null, avaticaType, true, false, false, avaticaType.columnClassName()));
    }
    return columns;
  }
}
