package dev.weft.core.flow;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} that answers with a cheaper model when it is confident enough and escalates otherwise: to a
 * stronger model ({@link Builder#escalateTo}) or to an {@link Escalation} such as a human review hook
 * ({@link Builder#escalateWith}). Confidence comes from a {@link ConfidenceScorer} over the cheap model's answer
 * ({@link #scoring}) or from the agreement of a {@link SelfConsistency} vote ({@link #voting}). An answer whose
 * confidence is below the threshold, or NaN, is escalated; one at or above it is given as it is.
 *
 * <pre>{@code
 * ConfidenceGate gate = ConfidenceGate.voting(SelfConsistency.builder(small).samples(5).build())
 *     .threshold(0.6)                        // at least three of five samples agree
 *     .escalateTo(large)
 *     .listener(outcome -> metrics.count(outcome.path()))
 *     .build();
 * GateOutcome outcome = gate.decide(request);   // or gate.chat(request) for the answer alone
 * }</pre>
 *
 * <p>The escalated request carries the tentative answer's confidence as the {@link #CONFIDENCE_ATTRIBUTE}
 * attribute of its context. Each call's {@link GateOutcome} records which path was taken; the listener hears it on
 * the calling thread after the answer is settled (a failed escalation reaches the caller as its exception, and the
 * listener does not hear of it). The response given is the escalation's unchanged, so the tentative answer's usage
 * is not in it: it is in {@link GateOutcome#tentative()}, and a cost ledger placed around each model (rather than
 * around the gate) counts both. Streams are answered once the gate has decided, as one delta. {@link #info()} is the
 * cheap model's. Thread-safe if its parts are. Closing it closes the cheap model and the stronger one.
 */
public final class ConfidenceGate implements ChatModel {
    /** The request context attribute that carries, on an escalated request, the tentative answer's confidence. */
    public static final String CONFIDENCE_ATTRIBUTE = "flow.confidence";

    private static final Logger LOG = LoggerFactory.getLogger(ConfidenceGate.class);

    private final ChatModel first;
    private final Function<ChatRequest, Assessment> assess;
    private final double threshold;
    private final ChatModel stronger;
    private final Escalation handler;
    private final Consumer<? super GateOutcome> listener;

    private ConfidenceGate(Builder b) {
        this.first = b.first;
        this.assess = b.assess;
        this.threshold = b.threshold;
        this.stronger = b.stronger;
        this.handler = b.handler;
        this.listener = b.listener;
    }

    /** A gate over {@code model}'s answers, trusting them as far as {@code scorer} says. */
    public static Builder scoring(ChatModel model, ConfidenceScorer scorer) {
        Preconditions.notNull(model, "model");
        Preconditions.notNull(scorer, "scorer");
        return new Builder(model, request -> {
            ChatResponse response = model.chat(request);
            return new Assessment(response, scorer.score(request, response));
        });
    }

    /** A gate over {@code voter}'s majority answers, trusting them as far as the samples agree. */
    public static Builder voting(SelfConsistency voter) {
        Preconditions.notNull(voter, "voter");
        return new Builder(voter, request -> {
            ConsistentAnswer answer = voter.vote(request);
            return new Assessment(answer.response(), answer.confidence());
        });
    }

    /** Answers {@code request} and says which path the answer took. */
    public GateOutcome decide(ChatRequest request) {
        Preconditions.notNull(request, "request");
        Assessment a = assess.apply(request);
        GateOutcome outcome;
        if (a.confidence() >= threshold) {
            outcome = new GateOutcome(GateOutcome.Path.ACCEPTED, a.confidence(), threshold, a.response(), a.response());
        } else {
            ChatRequest escalated = ContextStamp.with(request, CONFIDENCE_ATTRIBUTE, Double.toString(a.confidence()));
            outcome = stronger != null
                    ? new GateOutcome(GateOutcome.Path.ESCALATED_TO_MODEL, a.confidence(), threshold, a.response(),
                            stronger.chat(escalated))
                    : new GateOutcome(GateOutcome.Path.ESCALATED_TO_HANDLER, a.confidence(), threshold, a.response(),
                            handled(escalated, a));
        }
        try {
            listener.accept(outcome);
        } catch (RuntimeException e) {
            LOG.warn("The gate listener of {} failed (path {}); the answer is given anyway", first.info().id(), outcome.path(), e);
        }
        return outcome;
    }

    private ChatResponse handled(ChatRequest request, Assessment a) {
        ChatResponse response = handler.escalate(request, a.response(), a.confidence());
        if (response == null) {
            throw new WeftException("The escalation handler of the confidence gate over " + first.info().id()
                    + " returned null; it must return an answer or throw");
        }
        return response;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return decide(request).response();
    }

    @Override
    public ModelInfo info() {
        return first.info();
    }

    @Override
    public void close() {
        new OwnedModels(stronger == null ? List.of(first) : List.of(first, stronger)).close();
    }

    /** A tentative answer and its confidence. */
    private record Assessment(ChatResponse response, double confidence) {}

    /** Builds a {@link ConfidenceGate}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final ChatModel first;
        private final Function<ChatRequest, Assessment> assess;
        private Double threshold;
        private ChatModel stronger;
        private Escalation handler;
        private Consumer<? super GateOutcome> listener = outcome -> {};

        private Builder(ChatModel first, Function<ChatRequest, Assessment> assess) {
            this.first = first;
            this.assess = assess;
        }

        /** The least confidence at which an answer is given without escalation, a finite number. Required. */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** Escalates to {@code model}, replacing an earlier {@link #escalateWith} handler. */
        public Builder escalateTo(ChatModel model) {
            this.stronger = Preconditions.notNull(model, "model");
            this.handler = null;
            return this;
        }

        /** Escalates to {@code handler}, replacing an earlier {@link #escalateTo} model. */
        public Builder escalateWith(Escalation handler) {
            this.handler = Preconditions.notNull(handler, "handler");
            this.stronger = null;
            return this;
        }

        /** Told of every answered call's outcome, on the calling thread; default none. A listener that throws is logged. */
        public Builder listener(Consumer<? super GateOutcome> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The gate.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public ConfidenceGate build() {
            Preconditions.check(threshold != null, "threshold is required");
            Preconditions.check(Double.isFinite(threshold), "threshold must be a finite number, was " + threshold);
            Preconditions.check(stronger != null || handler != null,
                    "a confidence gate needs somewhere to escalate: call escalateTo(model) or escalateWith(handler)");
            Preconditions.notNull(listener, "listener");
            return new ConfidenceGate(this);
        }
    }
}
