package dev.weft.core.flow;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;

/**
 * What a {@link ConfidenceGate} did with one request. Immutable.
 *
 * @param path which way the answer went
 * @param confidence the tentative answer's confidence
 * @param threshold the gate's threshold
 * @param tentative the first answer (for a vote, with the usage of every sample)
 * @param response the answer given: {@code tentative} when accepted, else the escalation's
 */
public record GateOutcome(Path path, double confidence, double threshold, ChatResponse tentative, ChatResponse response) {

    /** Which way an answer went through the gate. */
    public enum Path {
        /** The confidence reached the threshold and the tentative answer was given. */
        ACCEPTED,
        /** The confidence fell short and a stronger model answered. */
        ESCALATED_TO_MODEL,
        /** The confidence fell short and an {@link Escalation} answered. */
        ESCALATED_TO_HANDLER
    }

    public GateOutcome {
        Preconditions.notNull(path, "path");
        Preconditions.notNull(tentative, "tentative");
        Preconditions.notNull(response, "response");
    }

    /** Whether the tentative answer was replaced. */
    public boolean escalated() {
        return path != Path.ACCEPTED;
    }
}
