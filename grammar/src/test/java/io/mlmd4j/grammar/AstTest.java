package io.mlmd4j.grammar;

import static io.mlmd4j.grammar.Trees.artifacts;
import static io.mlmd4j.grammar.Trees.attr;
import static io.mlmd4j.grammar.Trees.b;
import static io.mlmd4j.grammar.Trees.eq;
import static io.mlmd4j.grammar.Trees.executions;
import static io.mlmd4j.grammar.Trees.i;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.grammar.ast.And;
import io.mlmd4j.grammar.ast.Attribute;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Direction;
import io.mlmd4j.grammar.ast.DoubleLiteral;
import io.mlmd4j.grammar.ast.EnumLiteral;
import io.mlmd4j.grammar.ast.EnumType;
import io.mlmd4j.grammar.ast.EventResult;
import io.mlmd4j.grammar.ast.Expression;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.InList;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.Neighbour;
import io.mlmd4j.grammar.ast.NeighbourKind;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.NodeResult;
import io.mlmd4j.grammar.ast.PathResult;
import io.mlmd4j.grammar.ast.PropertyMatch;
import io.mlmd4j.grammar.ast.PropertyRef;
import io.mlmd4j.grammar.ast.StopCondition;
import io.mlmd4j.grammar.ast.ValueField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AstTest {

  @Test
  void enumTablesHoldMlmdsNumbers() {
    assertThat(EnumType.ARTIFACT_STATE.names()).containsExactly("UNKNOWN", "PENDING", "LIVE",
        "MARKED_FOR_DELETION", "DELETED", "ABANDONED", "REFERENCE");
    assertThat(EnumType.EXECUTION_STATE.names()).containsExactly("UNKNOWN", "NEW", "RUNNING",
        "COMPLETE", "FAILED", "CACHED", "CANCELED");
    assertThat(EnumType.EVENT_TYPE.names()).containsExactly("UNKNOWN", "DECLARED_OUTPUT",
        "DECLARED_INPUT", "INPUT", "OUTPUT", "INTERNAL_INPUT", "INTERNAL_OUTPUT",
        "PENDING_OUTPUT");
    assertThat(EnumType.ARTIFACT_STATE.number("reference")).isEqualTo(6);
    assertThat(EnumType.EVENT_TYPE.number("PENDING_OUTPUT")).isEqualTo(7);
    assertThat(new EnumLiteral(EnumType.EXECUTION_STATE, "complete"))
        .isEqualTo(new EnumLiteral(EnumType.EXECUTION_STATE, "COMPLETE"));
    assertThatThrownBy(() -> new EnumLiteral(EnumType.ARTIFACT_STATE, "RUNNING"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neighboursFollowMlmdsTable() {
    assertThat(NodeKind.ARTIFACT.neighbours())
        .containsExactly(NeighbourKind.CONTEXTS, NeighbourKind.EVENTS);
    assertThat(NodeKind.EXECUTION.neighbours())
        .containsExactly(NeighbourKind.CONTEXTS, NeighbourKind.EVENTS);
    assertThat(NodeKind.CONTEXT.neighbours()).containsExactly(NeighbourKind.PARENT_CONTEXTS,
        NeighbourKind.CHILD_CONTEXTS, NeighbourKind.ARTIFACTS, NeighbourKind.EXECUTIONS);
    assertThat(NeighbourKind.EVENTS.attribute("type")).isEqualTo(Attribute.EVENT_TYPE);
    assertThat(NeighbourKind.CONTEXTS.attribute("type")).isEqualTo(Attribute.TYPE);
    assertThat(NeighbourKind.ARTIFACTS.attribute("external_id"))
        .isEqualTo(Attribute.EXTERNAL_ID);
    assertThat(NodeKind.CONTEXT.attribute("uri")).isNull();
  }

  @Test
  void nodesRefuseWhatTheLanguageCannotSay() {
    assertThatThrownBy(() -> new Neighbour(NeighbourKind.CONTEXTS, "A"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Neighbour(NeighbourKind.CONTEXTS, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InList(attr(Attribute.ID), List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new And(List.of(b(true))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DoubleLiteral(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PropertyRef("", false, ValueField.INT_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PropertyMatch("p",
        new EnumLiteral(EnumType.ARTIFACT_STATE, "LIVE")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statementsRefuseInconsistentParts() {
    Filter start = artifacts(eq(attr(Attribute.ID), i(1)));
    List<LineageResult> graph = List.of(new GraphResult("graph"));
    assertThatThrownBy(() -> new LineageQuery(Direction.BOTH, List.of(), OptionalInt.empty(),
        List.of(), graph)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineageQuery(Direction.BOTH,
        List.of(new Filter(NodeKind.CONTEXT, b(true))), OptionalInt.empty(), List.of(), graph))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineageQuery(Direction.BOTH, List.of(start),
        OptionalInt.of(-1), List.of(), graph)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineageQuery(Direction.BOTH, List.of(start),
        OptionalInt.empty(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineageQuery(Direction.BOTH, List.of(start),
        OptionalInt.empty(), List.of(),
        List.of(new GraphResult("R"), new EventResult("r"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StopCondition(new Filter(NodeKind.CONTEXT, b(true)), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeResult(NodeKind.EXECUTION, Optional.of(start), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PathResult(Optional.empty(), Optional.of(start), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CacheLookup("T", Optional.empty(), List.of(1L, 1L),
        List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CacheLookup("T", Optional.empty(), List.of(),
        List.of(new PropertyMatch("a", i(1)), new PropertyMatch("a", i(2))), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CacheLookup("T", Optional.empty(), List.of(), List.of(),
        Optional.of(start))).isInstanceOf(IllegalArgumentException.class);
    assertThat(new CacheLookup("T", Optional.empty(), List.of(), List.of(),
        Optional.of(executions(b(true)))).where()).isPresent();
  }

  @Test
  void listsAreCopiedSoTreesStayImmutable() {
    List<Expression> operands = new ArrayList<>(List.of(b(true), b(false)));
    And and = new And(operands);
    operands.add(b(true));
    assertThat(and.operands()).hasSize(2);
    assertThatThrownBy(() -> and.operands().add(b(true)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
