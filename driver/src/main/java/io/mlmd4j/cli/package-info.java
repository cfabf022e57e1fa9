/** The {@code mlmd} command: a look into any MLMD store from a terminal. */
package io.mlmd4j.cli;
