package dev.weft.core.prompt;

import dev.weft.core.internal.Preconditions;

/**
 * One arm of an {@link Experiment}: a name, the prompt it serves, and its share of users. Immutable.
 *
 * @param name the name stamped as {@link dev.weft.core.chat.RequestContext#EXPERIMENT_VARIANT}; unique within its
 *     experiment
 * @param prompt the prompt this arm renders: another version of the same prompt, or another prompt altogether
 * @param weight the relative share of users, finite and &gt; 0; weights need not add up to anything
 */
public record Variant(String name, Prompt prompt, double weight) {
    public Variant {
        Preconditions.notBlank(name, "variant name");
        Preconditions.notNull(prompt, "prompt of variant '" + name + "'");
        Preconditions.check(weight > 0 && Double.isFinite(weight),
                "the weight of variant '" + name + "' must be finite and > 0, was " + weight);
    }
}
