package io.mlmd4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The storage module alone has no query planner on its class path: a filter query is
 * UNIMPLEMENTED and says what to add, while listing without a filter works.
 */
class FilterWithoutPlannerTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void filterQueryNeedsThePlanner(Backend backend) {
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(backend))) {
      ListOperationOptions options = ListOperationOptions.newBuilder()
          .setFilterQuery("name = 'a'").build();
      assertThatThrownBy(() -> store.getArtifacts(GetArtifactsRequest.newBuilder()
          .setOptions(options).build()))
          .isInstanceOfSatisfying(MlmdException.class, e -> {
            assertThat(e.code()).isEqualTo(MlmdException.Code.UNIMPLEMENTED);
            assertThat(e.getMessage()).contains("filter_query").contains("mlmd4j-planner");
          });
      assertThat(store.getExecutions(GetExecutionsRequest.newBuilder()
          .setOptions(options.toBuilder().clearFilterQuery()).build()).getExecutionsList())
          .isEmpty();
    }
  }
}
