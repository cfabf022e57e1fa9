/**
 * The conformance test kit: MLMD's behaviour as one JUnit suite, written once against
 * {@link io.mlmd4j.MetadataStore}'s contract and run against every target the
 * {@link io.mlmd4j.tck.StoreTarget} list names (fake, a SQLite file and MySQL by default, or the
 * store the {@code mlmd.tck.url} system property names).
 *
 * <p>Each test names the item of the conformance checklist (mlmd-spec.md §7) it covers in its
 * display name; tck/README.md maps every item to its tests.
 */
package io.mlmd4j.tck;
