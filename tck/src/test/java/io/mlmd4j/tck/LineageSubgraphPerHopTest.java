package io.mlmd4j.tck;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@link LineageSubgraphTest} again with the walk run one query per hop, as on a server without
 * recursive queries ({@code lineageWalk=perHop}): the answers must be the same.
 */
class LineageSubgraphPerHopTest extends LineageSubgraphTest {

  @BeforeEach
  void walkPerHop() {
    store = database.openWalkingPerHop();
  }
}
