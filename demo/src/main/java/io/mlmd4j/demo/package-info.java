/**
 * A realistic demo store: the history of a TFX-like pipeline, written through the store API the
 * way TFX's orchestrator writes it.
 */
package io.mlmd4j.demo;
