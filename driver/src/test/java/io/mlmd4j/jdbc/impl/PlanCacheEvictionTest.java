package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.junit.jupiter.api.Test;

/** How many plans a connection keeps, and which go first. */
class PlanCacheEvictionTest {

  private final List<String> planned = new ArrayList<>();
  private final PlanCache cache = new PlanCache(() -> List.of(1L, 1L));

  private void plan(String sql) {
    Supplier<CalciteSignature<Object>> planner = () -> {
      planned.add(sql);
      return new CalciteSignature<>(sql, List.of(), Map.of(), null, List.of(),
          Meta.CursorFactory.ARRAY, null, List.of(), -1, null);
    };
    assertThat(cache.plan(sql, List.of("mlmd"), -1, null, planner).sql).isEqualTo(sql);
  }

  @Test
  void keepsTheMostRecentlyUsedTexts() {
    for (int i = 0; i < PlanCache.CAPACITY; i++) {
      plan("SELECT " + i);
    }
    plan("SELECT 0");
    assertThat(planned).hasSize(PlanCache.CAPACITY);

    plan("SELECT one more");
    plan("SELECT 0");
    plan("SELECT 1");
    assertThat(planned).hasSize(PlanCache.CAPACITY + 2).endsWith("SELECT one more", "SELECT 1");
  }
}
