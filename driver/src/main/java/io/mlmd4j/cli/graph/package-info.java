/**
 * Pictures of a lineage graph for {@code mlmd lineage}: the graph as nodes and edges
 * ({@link io.mlmd4j.cli.graph.LineageDiagram}), written as text, Graphviz DOT, Mermaid, or an
 * SVG drawing (alone or in a self-contained HTML page) laid out by Eclipse ELK's layered
 * algorithm.
 */
package io.mlmd4j.cli.graph;
