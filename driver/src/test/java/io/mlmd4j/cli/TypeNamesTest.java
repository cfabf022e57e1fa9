package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MlmdException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

  private static final List<String> NAMES = List.of("tfx.components.trainer.component.Trainer",
      "tfx.components.pusher.component.Pusher", "a.Model", "b.Model", "Model", "ModelBlessing",
      "model_blessing_v2");

  @Test
  void exactThenCaseThenLastPart() {
    assertThat(TypeNames.resolve("execution", NAMES, "Model")).isEqualTo("Model");
    assertThat(TypeNames.resolve("execution", NAMES, "modelblessing")).isEqualTo("ModelBlessing");
    assertThat(TypeNames.resolve("execution", NAMES, "Trainer"))
        .isEqualTo("tfx.components.trainer.component.Trainer");
    assertThat(TypeNames.resolve("execution", NAMES, "PUSHER"))
        .isEqualTo("tfx.components.pusher.component.Pusher");
  }

  @Test
  void severalMatchesAreListed() {
    List<String> names = List.of("a.Model", "b.Model");
    assertThatThrownBy(() -> TypeNames.resolve("artifact", names, "Model"))
        .isInstanceOf(MlmdException.class)
        .hasMessage("'Model' could be any of the artifact types [a.Model, b.Model]; give the"
            + " full name");
  }

  @Test
  void nothingFoundSuggestsTheClosest() {
    assertThatThrownBy(() -> TypeNames.resolve("artifact", NAMES, "ModelBlesing"))
        .hasMessage("No artifact type named 'ModelBlesing'; did you mean ModelBlessing?")
        .extracting(e -> ((MlmdException) e).code()).isEqualTo(MlmdException.Code.NOT_FOUND);
    assertThatThrownBy(() -> TypeNames.resolve("execution", NAMES, "Trianer"))
        .hasMessage("No execution type named 'Trianer'; did you mean Trainer?");
    assertThatThrownBy(() -> TypeNames.resolve("execution", NAMES, "Spreadsheet"))
        .hasMessage("No execution type named 'Spreadsheet'");
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertThat(TypeNames.distance("trainer", "trianer")).isEqualTo(1);
    assertThat(TypeNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(TypeNames.distance("", "abc")).isEqualTo(3);
  }
}
