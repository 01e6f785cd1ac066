package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * What an {@link Experiment} has seen so far. Each variant's counts are a consistent snapshot; the report as a
 * whole is taken while recording may go on, so variants may be a few events apart. Immutable.
 *
 * @param experimentId the experiment's id
 * @param variants one result per variant, in the experiment's order
 * @param unenrolled requests without a user id that got the fallback variant (not counted in any variant)
 */
public record ExperimentReport(String experimentId, List<VariantResult> variants, long unenrolled) {

    public ExperimentReport {
        variants = Preconditions.immutableList(variants, "variants");
    }

    /**
     * One variant's numbers.
     *
     * @param name the variant's name
     * @param promptId the id of the variant's prompt
     * @param promptVersion the version of the variant's prompt
     * @param weight the variant's weight
     * @param assignments how many times it was assigned (each call of {@link Experiment#assign} counts, so a user
     *     who comes back twice counts twice)
     * @param outcomes how many outcomes were recorded for it
     * @param mean the mean outcome; NaN when there is none
     * @param standardError the standard error of that mean, {@code sqrt(s² / n)} with the sample variance
     *     {@code s²}; NaN below two outcomes
     */
    public record VariantResult(String name, String promptId, PromptVersion promptVersion, double weight,
            long assignments, long outcomes, double mean, double standardError) {}

    /**
     * The result of the variant called {@code name}.
     *
     * @throws InvalidInputException when there is no such variant
     */
    public VariantResult variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(
                () -> new InvalidInputException("experiment '" + experimentId + "' has no variant '" + name
                        + "'; its variants are " + variants.stream().map(VariantResult::name).toList()));
    }
}
