package io.mlmd4j.jdbc.impl;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.ResultSetEnumerable;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.util.Pair;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query planned entirely in the backend's convention, run as its one SQL statement without
 * generated code. Calcite would generate Java for it (the statement, a row builder reading each
 * column) and compile that with Janino: a few milliseconds for each new query, and for a JVM's
 * first query the loading of Janino itself. This runs the same SQL through the same
 * {@link ResultSetEnumerable}, reading the columns as the generated code does: a column of a
 * primitive Java type with its getter then {@code wasNull}, any other with {@code getObject}.
 * Only columns of types whose reading needs no conversion qualify (not dates and times, which
 * Calcite holds as numbers); other queries get Calcite's generated code.
 */
final class BackendQuery implements Bindable<Object>, Typed {

  private static final Set<SqlTypeName> READ_AS_IS = EnumSet.of(SqlTypeName.BOOLEAN,
      SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT,
      SqlTypeName.DECIMAL, SqlTypeName.FLOAT, SqlTypeName.REAL, SqlTypeName.DOUBLE,
      SqlTypeName.CHAR, SqlTypeName.VARCHAR);

  private final DataSource dataSource;
  private final String sql;
  private final Integer[] parameters;
  private final Column[] columns;
  private final Class<?> elementType;

  /**
   * @param parameters the statement's parameter of each {@code ?} of {@code sql}, in order
   * @param elementType the Java class of the one column, or {@code Object[]}
   */
  BackendQuery(DataSource dataSource, String sql, Integer[] parameters, Column[] columns,
      Class<?> elementType) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.parameters = parameters;
    this.columns = columns;
    this.elementType = elementType;
  }

  /**
   * The query of {@code root} when it runs entirely in one backend and all its columns qualify;
   * null otherwise.
   */
  static @Nullable BackendQuery of(RelRoot root, JavaTypeFactory typeFactory) {
    if (!(root.rel instanceof JdbcToEnumerableConverter converter)
        || !(converter.getInput().getConvention() instanceof BackendConvention convention)) {
      return null;
    }
    List<Integer> fields = Pair.left(root.fields);
    Column[] columns = new Column[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      RelDataType type = converter.getRowType().getFieldList().get(fields.get(i)).getType();
      if (!READ_AS_IS.contains(type.getSqlTypeName())) {
        return null;
      }
      columns[i] = new Column(fields.get(i) + 1,
          Primitive.ofBoxOr(typeFactory.getJavaClass(type)));
    }
    SqlDialect dialect = convention.dialect;
    SqlString sql = new JdbcImplementor(dialect, typeFactory).visitRoot(converter.getInput())
        .asStatement().toSqlString(dialect);
    Type elementType = columns.length == 1
        ? typeFactory.getJavaClass(converter.getRowType().getFieldList().get(fields.get(0))
            .getType())
        : Object[].class;
    if (!(elementType instanceof Class<?> elementClass)) {
      return null;
    }
    List<Integer> dynamic = sql.getDynamicParameters();
    return new BackendQuery(convention.dataSource(), sql.getSql(),
        dynamic == null ? new Integer[0] : dynamic.toArray(new Integer[0]), columns,
        elementClass);
  }

  /** The statement sent to the backend. */
  String sql() {
    return sql;
  }

  Integer[] parameters() {
    return parameters.clone();
  }

  Column[] columns() {
    return columns.clone();
  }

  @Override
  public Enumerable<Object> bind(DataContext dataContext) {
    ResultSetEnumerable<Object> rows = parameters.length == 0
        ? ResultSetEnumerable.of(dataSource, sql, this::rowReader)
        : ResultSetEnumerable.of(dataSource, sql, this::rowReader,
            ResultSetEnumerable.createEnricher(parameters, dataContext));
    rows.setTimeout(dataContext);
    return rows;
  }

  @Override
  public Type getElementType() {
    return elementType;
  }

  /** Reads the current row: its one value, or an array of its values. */
  private Function0<Object> rowReader(ResultSet rs) {
    return () -> {
      try {
        if (columns.length == 1) {
          return columns[0].read(rs);
        }
        Object[] row = new Object[columns.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = columns[i].read(rs);
        }
        return row;
      } catch (SQLException e) {
        throw new RuntimeException(e);
      }
    };
  }

  /** A result column: its index in the statement's result and how the generated code reads it. */
  record Column(int index, @Nullable Primitive primitive) {

    @Nullable Object read(ResultSet rs) throws SQLException {
      if (primitive == null) {
        return rs.getObject(index);
      }
      Object value = switch (primitive) {
        case BOOLEAN -> rs.getBoolean(index);
        case BYTE -> rs.getByte(index);
        case SHORT -> rs.getShort(index);
        case INT -> rs.getInt(index);
        case LONG -> rs.getLong(index);
        case FLOAT -> rs.getFloat(index);
        case DOUBLE -> rs.getDouble(index);
        default -> throw new IllegalStateException("No JDBC getter for " + primitive);
      };
      return rs.wasNull() ? null : value;
    }
  }
}
