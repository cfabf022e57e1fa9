package io.mlmd4j.planner;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Association;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.ParentContext;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import io.mlmd4j.proto.PutParentContextsRequest;
import java.util.List;

/**
 * A small store whose every filter answer is known: five artifacts, four executions, three
 * contexts, with properties, states, contexts, parent contexts and events chosen so that each
 * example of MLMD's filter documentation selects a different, non-trivial set.
 *
 * <pre>
 * artifacts                                  contexts
 *  a1 DataSet foo   LIVE     span=1 ...       c1 RunContext my_run       parent c2, cp='foo'
 *  a2 DataSet foo2  PENDING  span=2 c.span=1  c2 PipelineContext my_pipeline
 *  a3 Model   bar   (none)   accuracy=0.99    c3 RunContext other_run    parent c2
 *  a4 Model   m2    DELETED  accuracy=0.5
 *  a5 DataSet lonely DELETED (no context, no event)
 * attributions a1:c1,c2  a2:c1  a3:c2  a4:c3;  associations e1:c1  e2:c1,c2  e3:c3
 * events a1 -INPUT(ms=1)-> e1 -OUTPUT-> a3;  a2 -INTERNAL_INPUT-> e2 -OUTPUT-> a4
 * executions e1 RUNNING "exe_name_with_'", e2 FAILED, e3 (none), e4 COMPLETE
 * </pre>
 */
final class FilterFixture {

  final long dataSet;
  final long a1;
  final long a2;
  final long a3;
  final long a4;
  final long a5;
  final long e1;
  final long e2;
  final long e3;
  final long e4;
  final long c1;
  final long c2;
  final long c3;

  FilterFixture(MetadataStore store) {
    dataSet = store.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(
        parse(ArtifactType.getDefaultInstance(), "name: 'DataSet' properties { key: 'span'"
            + " value: INT } properties { key: 'my property' value: INT }")).build()).getTypeId();
    long model = store.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(
        parse(ArtifactType.getDefaultInstance(), "name: 'Model' properties { key: 'accuracy'"
            + " value: DOUBLE }")).build()).getTypeId();
    long trainer = store.putExecutionType(PutExecutionTypeRequest.newBuilder().setExecutionType(
        parse(ExecutionType.getDefaultInstance(), "name: 'Trainer'")).build()).getTypeId();
    long run = store.putContextType(PutContextTypeRequest.newBuilder().setContextType(
        parse(ContextType.getDefaultInstance(), "name: 'RunContext'")).build()).getTypeId();
    long pipeline = store.putContextType(PutContextTypeRequest.newBuilder().setContextType(
        parse(ContextType.getDefaultInstance(), "name: 'PipelineContext'")).build()).getTypeId();

    List<Long> a = store.putArtifacts(PutArtifactsRequest.newBuilder().addAllArtifacts(List.of(
        artifact("type_id: %d name: 'foo' uri: 'path/a' state: LIVE external_id:"
            + " 'my_external_id' properties { key: 'span' value { int_value: 1 } }"
            + " properties { key: 'my property' value { int_value: 5 } }"
            + " custom_properties { key: 'my_param' value { string_value: 'foo' } }", dataSet),
        artifact("type_id: %d name: 'foo2' uri: 'path_like_this/x' state: PENDING"
            + " properties { key: 'span' value { int_value: 2 } }"
            + " custom_properties { key: 'span' value { int_value: 1 } }", dataSet),
        artifact("type_id: %d name: 'bar' uri: 'exact_path_string'"
            + " properties { key: 'accuracy' value { double_value: 0.99 } }"
            + " custom_properties { key: 'my:custom.property' value { bool_value: true } }",
            model),
        artifact("type_id: %d name: 'm2' state: DELETED"
            + " properties { key: 'accuracy' value { double_value: 0.5 } }"
            + " custom_properties { key: 'p' value { int_value: 20 } }"
            + " custom_properties { key: 'x' value { string_value: 'foo' } }", model),
        artifact("type_id: %d name: 'lonely' state: DELETED", dataSet)))
        .build()).getArtifactIdsList();
    a1 = a.get(0);
    a2 = a.get(1);
    a3 = a.get(2);
    a4 = a.get(3);
    a5 = a.get(4);
    List<Long> e = store.putExecutions(PutExecutionsRequest.newBuilder().addAllExecutions(List.of(
        execution("type_id: %d name: \"exe_name_with_'\" last_known_state: RUNNING", trainer),
        execution("type_id: %d name: 't2' last_known_state: FAILED", trainer),
        execution("type_id: %d name: 't3'", trainer),
        execution("type_id: %d name: 't4' last_known_state: COMPLETE", trainer)))
        .build()).getExecutionIdsList();
    e1 = e.get(0);
    e2 = e.get(1);
    e3 = e.get(2);
    e4 = e.get(3);
    List<Long> c = store.putContexts(PutContextsRequest.newBuilder().addAllContexts(List.of(
        parse(Context.getDefaultInstance(), String.format("type_id: %d name: 'my_run'"
            + " custom_properties { key: 'cp' value { string_value: 'foo' } }", run)),
        parse(Context.getDefaultInstance(), String.format("type_id: %d name: 'my_pipeline'",
            pipeline)),
        parse(Context.getDefaultInstance(), String.format("type_id: %d name: 'other_run'",
            run)))).build()).getContextIdsList();
    c1 = c.get(0);
    c2 = c.get(1);
    c3 = c.get(2);
    store.putParentContexts(PutParentContextsRequest.newBuilder()
        .addParentContexts(ParentContext.newBuilder().setChildId(c1).setParentId(c2))
        .addParentContexts(ParentContext.newBuilder().setChildId(c3).setParentId(c2)).build());
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAttributions(attribution(c1, a1)).addAttributions(attribution(c2, a1))
        .addAttributions(attribution(c1, a2)).addAttributions(attribution(c2, a3))
        .addAttributions(attribution(c3, a4))
        .addAssociations(association(c1, e1)).addAssociations(association(c1, e2))
        .addAssociations(association(c2, e2)).addAssociations(association(c3, e3)).build());
    store.putEvents(PutEventsRequest.newBuilder()
        .addEvents(event(a1, e1, Event.Type.INPUT).setMillisecondsSinceEpoch(1))
        .addEvents(event(a3, e1, Event.Type.OUTPUT))
        .addEvents(event(a2, e2, Event.Type.INTERNAL_INPUT))
        .addEvents(event(a4, e2, Event.Type.OUTPUT)).build());
  }

  private static Artifact artifact(String text, long typeId) {
    return parse(Artifact.getDefaultInstance(), String.format(text, typeId));
  }

  private static Execution execution(String text, long typeId) {
    return parse(Execution.getDefaultInstance(), String.format(text, typeId));
  }

  private static Attribution attribution(long context, long artifact) {
    return Attribution.newBuilder().setContextId(context).setArtifactId(artifact).build();
  }

  private static Association association(long context, long execution) {
    return Association.newBuilder().setContextId(context).setExecutionId(execution).build();
  }

  private static Event.Builder event(long artifact, long execution, Event.Type type) {
    return Event.newBuilder().setArtifactId(artifact).setExecutionId(execution).setType(type);
  }

  @SuppressWarnings("unchecked")
  static <T extends Message> T parse(T prototype, String text) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      TextFormat.merge(text, builder);
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException("Bad text proto in test: " + text, e);
    }
    return (T) builder.build();
  }
}
