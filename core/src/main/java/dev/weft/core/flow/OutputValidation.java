package dev.weft.core.flow;

import dev.weft.core.GuardrailViolationException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Checks every answer with an {@link OutputCheck} and, when it fails, either asks the model to repair it or
 * rejects it with {@link GuardrailViolationException} (whose {@code guardrail()} is this validation's name).
 * With {@code repairs(n)}, a failed {@code chat} answer is sent back to the model (the conversation so far, the
 * answer, and a user message built from the check's problem by {@link Builder#repairPrompt}) up to {@code n}
 * times; the first answer that passes is returned, with the usage of every attempt, and the last failure is
 * rejected. A stream cannot be repaired, because its reader has already seen the answer: it is checked when it
 * ends and rejected from {@code response()} (or the end of iteration) if it fails.
 *
 * <pre>{@code
 * OutputValidation json = OutputValidation.builder(OutputCheck.that(r -> isJsonObject(r.text()), "the answer must be a JSON object"))
 *     .name("json-object")
 *     .repairs(2)
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(tracing).with(json).with(retry).build();
 * }</pre>
 *
 * <p>This is a small hook for checks written in code; JSON Schema validation and repair belong to the guardrails
 * module. Thread-safe if the check and the repair prompt are.
 */
public final class OutputValidation implements ChatInterceptor, StreamInterceptor {
    private final String name;
    private final OutputCheck check;
    private final int repairs;
    private final Function<String, String> repairPrompt;
    private final LongAdder checks = new LongAdder();
    private final LongAdder passed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder repairsSent = new LongAdder();
    private final LongAdder rejections = new LongAdder();

    private OutputValidation(Builder b) {
        this.name = b.name;
        this.check = b.check;
        this.repairs = b.repairs;
        this.repairPrompt = b.repairPrompt;
    }

    /** Rejects every answer that fails {@code check}, without repair. */
    public static OutputValidation rejecting(OutputCheck check) {
        return builder(check).build();
    }

    /** A builder checking answers with {@code check}. */
    public static Builder builder(OutputCheck check) {
        return new Builder(check);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        ChatRequest attempt = request;
        TokenUsage spent = TokenUsage.ZERO;
        for (int repair = 0; ; repair++) {
            ChatResponse response = chain.proceed(attempt);
            spent = spent.plus(response.usage());
            Optional<String> problem = check(response);
            if (problem.isEmpty()) {
                return repair == 0 ? response
                        : new ChatResponse(response.message(), spent, response.finishReason(), response.model(), response.timings());
            }
            if (repair == repairs) {
                throw reject(response, problem.get(), repair);
            }
            repairsSent.increment();
            attempt = attempt.toBuilder().message(response.message()).user(repairPrompt.apply(problem.get())).build();
        }
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new ValidatedSource(chain.proceed(request), this));
    }

    /** What this validation has done so far. */
    public OutputValidationMetrics metrics() {
        return new OutputValidationMetrics(checks.sum(), passed.sum(), failed.sum(), repairsSent.sum(), rejections.sum());
    }

    /** Checks {@code response}, counting the outcome. */
    Optional<String> check(ChatResponse response) {
        checks.increment();
        Optional<String> problem = check.problem(response);
        (problem.isEmpty() ? passed : failed).increment();
        return problem;
    }

    /** The exception that rejects {@code response}, counted. */
    GuardrailViolationException reject(ChatResponse response, String problem, int repairsMade) {
        rejections.increment();
        String after = repairsMade == 0 ? "" : " after " + repairsMade + " repair" + (repairsMade == 1 ? "" : "s");
        return new GuardrailViolationException(name, "the answer of " + response.model().id() + " failed its check" + after
                + ": " + problem + ". Make the prompt ask for what the check needs, or allow repairs.");
    }

    /** Builds an {@link OutputValidation}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final OutputCheck check;
        private String name = "output-validation";
        private int repairs;
        private Function<String, String> repairPrompt = problem ->
                "Your previous answer was rejected: " + problem + ". Answer the request again, correcting that.";

        private Builder(OutputCheck check) {
            this.check = check;
        }

        /** The name the exception gives as its guardrail; default {@code output-validation}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** How many times to ask the model to repair a failed {@code chat} answer, >= 0; default 0 (reject at once). */
        public Builder repairs(int repairs) {
            this.repairs = repairs;
            return this;
        }

        /**
         * The user message of a repair request, from the check's problem; default "Your previous answer was rejected:
         * (problem). Answer the request again, correcting that."
         */
        public Builder repairPrompt(Function<String, String> repairPrompt) {
            this.repairPrompt = repairPrompt;
            return this;
        }

        /**
         * The validation.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public OutputValidation build() {
            Preconditions.notNull(check, "check");
            Preconditions.notBlank(name, "name");
            Preconditions.check(repairs >= 0, "repairs must be >= 0, was " + repairs);
            Preconditions.notNull(repairPrompt, "repairPrompt");
            return new OutputValidation(this);
        }
    }
}
