package dev.weft.core.flow;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a model's answer is acceptable, for {@link OutputValidation}, and says what is wrong with it when
 * it is not; the description goes into the repair message and the exception, so write it for the model and for a
 * person. Implementations must be thread-safe.
 *
 * <pre>{@code
 * OutputCheck oneLine = OutputCheck.that(r -> !r.text().contains("\n"), "the answer must be a single line");
 * }</pre>
 */
@FunctionalInterface
public interface OutputCheck {

    /** What is wrong with {@code response}, or empty when it is acceptable. */
    Optional<String> problem(ChatResponse response);

    /** A check that accepts the answers {@code valid} accepts and describes the others as {@code problem}. */
    static OutputCheck that(Predicate<? super ChatResponse> valid, String problem) {
        Preconditions.notNull(valid, "valid");
        Preconditions.notBlank(problem, "problem");
        return response -> valid.test(response) ? Optional.empty() : Optional.of(problem);
    }
}
