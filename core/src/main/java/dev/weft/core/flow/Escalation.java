package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;

/**
 * What a {@link ConfidenceGate} does with an answer it does not trust, other than asking a stronger model: queue it
 * for human review, ask the user to rephrase, answer with a safe default. It returns the answer to give, or throws
 * (a {@link dev.weft.core.WeftException} subtype, so that callers can tell an escalation from a failure).
 * Implementations must be thread-safe.
 *
 * <pre>{@code
 * Escalation review = (request, tentative, confidence) -> reviewQueue.submitAndWait(request, tentative);
 * }</pre>
 */
@FunctionalInterface
public interface Escalation {

    /**
     * The answer to give instead of {@code tentative}.
     *
     * @param request the request, with {@link ConfidenceGate#CONFIDENCE_ATTRIBUTE} stamped on its context
     * @param tentative the answer that was not trusted
     * @param confidence its confidence
     */
    ChatResponse escalate(ChatRequest request, ChatResponse tentative, double confidence);
}
