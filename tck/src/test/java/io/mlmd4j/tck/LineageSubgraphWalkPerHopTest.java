package io.mlmd4j.tck;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@link LineageSubgraphWalkTest} again with the walk run one query per hop
 * ({@code lineageWalk=perHop}): the answers must be the same.
 */
class LineageSubgraphWalkPerHopTest extends LineageSubgraphWalkTest {

  @BeforeEach
  void walkPerHop() {
    store = database.openWalkingPerHop();
  }
}
