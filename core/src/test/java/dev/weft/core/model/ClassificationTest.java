package dev.weft.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Classification}: labels sorted most probable first (stable for ties), with lookups by label. */
class ClassificationTest {

    @Test
    void labelsAreSortedByDescendingProbability() {
        Classification c = new Classification(List.of(
                new LabelScore("benign", 0.1), new LabelScore("jailbreak", 0.7), new LabelScore("injection", 0.2)));
        assertThat(c.labels()).extracting(LabelScore::label).containsExactly("jailbreak", "injection", "benign");
        assertThat(c.top()).isEqualTo(new LabelScore("jailbreak", 0.7));
    }

    @Test
    void tiesKeepTheirOrder() {
        Classification c = new Classification(List.of(
                new LabelScore("b", 0.25), new LabelScore("a", 0.5), new LabelScore("c", 0.25), new LabelScore("d", 0.0)));
        assertThat(c.labels()).extracting(LabelScore::label).containsExactly("a", "b", "c", "d");
    }

    @Test
    void probabilityOfALabelAndOfAnUnknownOne() {
        Classification c = new Classification(List.of(new LabelScore("yes", 0.9), new LabelScore("no", 0.1)));
        assertThat(c.probability("no")).isEqualTo(0.1);
        assertThat(c.probability("maybe")).isZero();
    }

    @Test
    void labelsAreValidatedAndImmutable() {
        assertThatThrownBy(() -> new Classification(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("labels must not be empty");
        assertThatThrownBy(() -> new Classification(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new LabelScore("x", 1.01))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("probability must be in [0, 1], was 1.01");
        assertThatThrownBy(() -> new LabelScore("x", Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new LabelScore(" ", 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("label");
        Classification c = new Classification(List.of(new LabelScore("a", 1)));
        assertThatThrownBy(() -> c.labels().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
