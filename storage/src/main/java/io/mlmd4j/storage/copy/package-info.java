/**
 * Copying a whole MLMD store from one database to another, across backends:
 * {@link io.mlmd4j.storage.copy.StoreCopy}.
 */
package io.mlmd4j.storage.copy;
