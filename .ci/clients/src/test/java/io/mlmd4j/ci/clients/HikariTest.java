package io.mlmd4j.ci.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A HikariCP pool of the driver's connections, configured by URL and driver class name as
 * applications configure it: several threads query at once, connections go back to the pool and
 * are used again, and the pool validates them.
 */
class HikariTest {

  private static final int THREADS = 4;
  private static final int QUERIES_PER_THREAD = 10;

  @ParameterizedTest
  @EnumSource(Store.class)
  void poolsConnectionsAcrossThreads(Store store) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(store.url());
    config.setDriverClassName("io.mlmd4j.jdbc.Driver");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setReadOnly(true);
    config.setPoolName("mlmd4j-" + store);
    Set<Object> physical = ConcurrentHashMap.newKeySet();
    try (HikariDataSource pool = new HikariDataSource(config)) {
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          results.add(threads.submit(() -> {
            long rows = 0;
            for (int q = 0; q < QUERIES_PER_THREAD; q++) {
              try (Connection c = pool.getConnection();
                   PreparedStatement ps = c.prepareStatement(
                       "SELECT COUNT(*) FROM executions WHERE id > ?")) {
                physical.add(c.unwrap(Connection.class));
                assertThat(c.isValid(1)).isTrue();
                ps.setLong(1, 0L);
                try (ResultSet rs = ps.executeQuery()) {
                  assertThat(rs.next()).isTrue();
                  rows += rs.getLong(1) >= 0 ? 1 : 0;
                }
              }
            }
            return rows;
          }));
        }
        for (Future<Long> f : results) {
          assertThat(f.get()).isEqualTo(QUERIES_PER_THREAD);
        }
      } finally {
        threads.shutdownNow();
      }
      // 40 borrowings were served by at most two of the driver's connections.
      assertThat(physical).hasSizeBetween(1, 2);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void validatesWithATestQuery(Store store) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(store.url());
    config.setDriverClassName("io.mlmd4j.jdbc.Driver");
    config.setMaximumPoolSize(1);
    config.setConnectionTestQuery("VALUES 1");
    config.setPoolName("mlmd4j-test-query-" + store);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Object first;
      try (Connection c = pool.getConnection()) {
        first = c.unwrap(Connection.class);
        assertThat(c.isReadOnly()).isTrue();
      }
      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isSameAs(first);
      }
    }
  }
}
