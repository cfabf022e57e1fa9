package io.mlmd4j.tck;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@link LqlTest} again with every lineage walk run one query per hop, as on a server without
 * recursive queries ({@code lineageWalk=perHop}): the answers must be the same.
 */
class LqlPerHopTest extends LqlTest {

  @BeforeEach
  void walkPerHop() {
    store = database.openWalkingPerHop();
  }
}
