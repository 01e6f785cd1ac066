package dev.weft.core.prompt;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import java.util.Map;

/**
 * The variant an {@link Experiment} chose for one request, and the request context stamped with it. Immutable.
 *
 * <pre>{@code
 * Assignment assignment = experiment.assign(context);
 * ChatResponse response = model.chat(assignment.render(Map.of("question", question)));
 * experiment.recordOutcome(assignment, userLikedIt ? 1 : 0);
 * }</pre>
 *
 * @param experimentId the experiment's id
 * @param variant the chosen variant
 * @param enrolled true when the variant was chosen from the user id; false when the request had no user id and
 *     got the experiment's fallback variant, outside the experiment
 * @param context the caller's context, plus {@link RequestContext#EXPERIMENT_ID} and
 *     {@link RequestContext#EXPERIMENT_VARIANT} when enrolled
 */
public record Assignment(String experimentId, Variant variant, boolean enrolled, RequestContext context) {

    /** The chosen variant's prompt. */
    public Prompt prompt() {
        return variant.prompt();
    }

    /** The chosen prompt rendered with {@code variables}, for {@link #context()} (see {@link Prompt#render(Map, RequestContext)}). */
    public ChatRequest render(Map<String, ?> variables) {
        return prompt().render(variables, context);
    }

    /** As {@link #render(Map)}, as a builder to add messages or tools first. */
    public ChatRequest.Builder requestBuilder(Map<String, ?> variables) {
        return prompt().requestBuilder(variables, context);
    }
}
