package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The label probabilities for one text, most probable first. Immutable.
 *
 * @param labels every label the model knows, sorted by descending probability
 */
public record Classification(List<LabelScore> labels) {
    public Classification {
        Preconditions.check(labels != null && !labels.isEmpty(), "labels must not be empty");
        List<LabelScore> sorted = new ArrayList<>(Preconditions.immutableList(labels, "labels"));
        sorted.sort(Comparator.comparingDouble(LabelScore::probability).reversed());
        labels = List.copyOf(sorted);
    }

    /** The most probable label. */
    public LabelScore top() {
        return labels.get(0);
    }

    /** The probability of {@code label}, 0 when the model does not know it. */
    public double probability(String label) {
        return labels.stream().filter(l -> l.label().equals(label)).mapToDouble(LabelScore::probability).findFirst().orElse(0);
    }
}
