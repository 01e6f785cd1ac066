package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;

/**
 * One label and its probability.
 *
 * @param label the label, such as {@code jailbreak}
 * @param probability in [0, 1]
 */
public record LabelScore(String label, double probability) {
    public LabelScore {
        Preconditions.notBlank(label, "label");
        Preconditions.check(probability >= 0 && probability <= 1, "probability must be in [0, 1], was " + probability);
    }
}
