package io.mlmd4j.fuzz;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.grammar.FilterQueries;
import io.mlmd4j.grammar.Lql;
import io.mlmd4j.grammar.QuerySyntaxException;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.storage.Cancellation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the fuzzers run a case through, and what each counts as clean.
 *
 * <ul>
 *   <li>Filter queries: the grammar parses the text for each kind of node or throws
 *       QuerySyntaxException; a parsed filter unparses to text that parses to an equal tree;
 *       {@code Get*} with it as {@code filter_query} returns or throws an MlmdException with a
 *       caller's code; a text no kind parses is INVALID_ARGUMENT through the store.
 *   <li>LQL: the same with {@code Lql.parse} and {@code MetadataStore.query}.
 *   <li>SQL: a statement returns rows (every result set read to the end) or throws an
 *       SQLException with an SQLState that wraps no crash; nothing but a query succeeds.
 * </ul>
 *
 * <p>No call may take {@link Fuzzer#SLOW_MILLIS}: store calls are cancelled then, statements
 * run with that query timeout.
 */
final class Targets {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-case-timer");
        t.setDaemon(true);
        return t;
      });

  private Targets() {}

  static Function<String, Outcome> filters(MetadataStore store) {
    return text -> {
      boolean parsed = false;
      for (NodeKind kind : NodeKind.values()) {
        Filter filter;
        try {
          filter = FilterQueries.parse(text, kind);
        } catch (QuerySyntaxException e) {
          continue;
        } catch (Throwable t) {
          return Outcome.ofStoreError(t);
        }
        parsed = true;
        Outcome roundTrip = roundTrip(filter, () -> FilterQueries.parse(filter.unparse(), kind));
        if (roundTrip.failed()) {
          return roundTrip;
        }
        Outcome listed = store(() -> list(store, kind, text));
        if (listed.failed()) {
          return listed;
        }
      }
      return parsed || text.isEmpty() ? Outcome.CLEAN
          : rejected(() -> list(store, NodeKind.ARTIFACT, text));
    };
  }

  static Function<String, Outcome> lql(MetadataStore store) {
    return text -> {
      LqlStatement statement;
      try {
        statement = Lql.parse(text);
      } catch (QuerySyntaxException e) {
        return rejected(() -> store.query(text));
      } catch (Throwable t) {
        return Outcome.ofStoreError(t);
      }
      Outcome roundTrip = roundTrip(statement, () -> Lql.parse(statement.unparse()));
      return roundTrip.failed() ? roundTrip : store(() -> store.query(text));
    };
  }

  static Function<String, Outcome> sql(Connection connection) {
    return text -> {
      try (Statement s = connection.createStatement()) {
        s.setQueryTimeout((int) (Fuzzer.SLOW_MILLIS / 1000));
        boolean rows = s.execute(text);
        if (!rows && s.getUpdateCount() != -1) {
          return Outcome.failure("a statement that is not a query succeeded",
              "update count " + s.getUpdateCount());
        }
        do {
          if (rows) {
            try (ResultSet rs = s.getResultSet()) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                  rs.getObject(i);
                }
              }
            }
          }
          rows = s.getMoreResults();
        } while (rows || s.getUpdateCount() != -1);
        return Outcome.CLEAN;
      } catch (Throwable t) {
        return Outcome.ofSqlError(t);
      }
    };
  }

  private static Object list(MetadataStore store, NodeKind kind, String text) {
    ListOperationOptions options = ListOperationOptions.newBuilder().setFilterQuery(text).build();
    return switch (kind) {
      case ARTIFACT -> store.getArtifacts(
          GetArtifactsRequest.newBuilder().setOptions(options).build());
      case EXECUTION -> store.getExecutions(
          GetExecutionsRequest.newBuilder().setOptions(options).build());
      case CONTEXT -> store.getContexts(
          GetContextsRequest.newBuilder().setOptions(options).build());
    };
  }

  private static Outcome store(Supplier<Object> call) {
    return withDeadline(() -> {
      call.get();
      return Outcome.CLEAN;
    }, Outcome::ofStoreError);
  }

  /** A text the grammar rejects must be INVALID_ARGUMENT through the store too. */
  private static Outcome rejected(Supplier<Object> call) {
    return withDeadline(() -> {
      call.get();
      return Outcome.failure("the store accepted text the grammar rejects", "no error");
    }, t -> t instanceof MlmdException e && e.code() != Code.INTERNAL
        ? e.code() == Code.INVALID_ARGUMENT ? Outcome.CLEAN
            : Outcome.failure("syntax error reported as " + e.code(), e.getMessage())
        : Outcome.ofStoreError(t));
  }

  /**
   * Runs a store call that the store's cancellation stops after {@link Fuzzer#SLOW_MILLIS}
   * (the store API has no timeout of its own): such a call is a slow case, however it ended.
   */
  @SuppressWarnings("try") // the scope only has to be open while the call runs
  private static Outcome withDeadline(Supplier<Outcome> call,
      Function<Throwable, Outcome> onError) {
    Cancellation cancellation = new Cancellation();
    ScheduledFuture<?> timer =
        TIMER.schedule(cancellation::cancel, Fuzzer.SLOW_MILLIS, TimeUnit.MILLISECONDS);
    Outcome outcome;
    try (Cancellation.Scope scope = cancellation.enter()) {
      outcome = call.get();
    } catch (Throwable t) {
      outcome = onError.apply(t);
    } finally {
      timer.cancel(false);
      cancellation.done();
    }
    return cancellation.isCancelled()
        ? Outcome.failure("slow case (cancelled after " + Fuzzer.SLOW_MILLIS / 1000 + " s)",
            "the store call was cancelled")
        : outcome;
  }

  private static Outcome roundTrip(Object tree, Supplier<Object> reparse) {
    try {
      Object again = reparse.get();
      return again.equals(tree) ? Outcome.CLEAN
          : Outcome.failure("unparse gives a different tree", "tree "
              + Texts.shorten(tree.toString(), 1000) + "\nreparsed "
              + Texts.shorten(again.toString(), 1000));
    } catch (Throwable t) {
      return Outcome.failure("unparse gives text that does not parse (" + t.getClass()
          .getSimpleName() + ")", String.valueOf(t.getMessage()));
    }
  }
}
