package dev.weft.core.flow;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Sampling;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Self-consistency: asks a model the same question several times and answers with the majority, reporting how
 * far the samples agreed. Each sample's answer is taken by an {@link AnswerExtractor} (default: the whole text)
 * and put in normal form by an {@link AnswerNormaliser} (default {@link AnswerNormaliser#DEFAULT}); samples
 * without an answer abstain. The answer given most often wins; a tie goes to the answer that appeared first in
 * sample order (sample {@code 0}, {@code 1}, …, whatever order the samples finished in), so the outcome depends
 * only on the samples. The {@link ConsistentAnswer#confidence() confidence} is the winner's share of all samples.
 *
 * <pre>{@code
 * SelfConsistency voter = SelfConsistency.builder(model)
 *     .samples(5)
 *     .extractor(AnswerExtractor.lastNumber())
 *     .executor(Executors.newFixedThreadPool(5))
 *     .build();
 * ConsistentAnswer a = voter.vote(ChatRequest.of("A bat and a ball cost $1.10 ..."));
 * a.answer();       // "0.05"
 * a.confidence();   // 0.8 when four of five samples agreed
 * }</pre>
 *
 * <p>Sample {@code i} is sent with the request's sampling, except that a request without a temperature gets
 * {@link Builder#temperature} (default 0.7: greedy samples would all agree), and a seed: the request's seed plus
 * {@code i}, or {@link Builder#baseSeed} plus {@code i} when the request has none (no seed when neither is set).
 * Samples run one after another on the calling thread, or concurrently on an {@link Builder#executor}; the first
 * failure in sample order is thrown (wrap the model in a {@code Retry} to ride out transient ones).
 *
 * <p>As a {@link ChatModel}, {@link #chat} answers with {@link ConsistentAnswer#response()}, whose usage covers
 * every sample; a stream replays that answer once the vote is over. {@link #info()} is the model's. Thread-safe if
 * the model, extractor and normaliser are. Closing it closes the model; the executor is the caller's.
 */
public final class SelfConsistency implements ChatModel {
    private final ChatModel model;
    private final int samples;
    private final AnswerExtractor extractor;
    private final AnswerNormaliser normaliser;
    private final Executor executor;
    private final Double temperature;
    private final Long baseSeed;

    private SelfConsistency(Builder b) {
        this.model = b.model;
        this.samples = b.samples;
        this.extractor = b.extractor;
        this.normaliser = b.normaliser;
        this.executor = b.executor;
        this.temperature = b.temperature;
        this.baseSeed = b.baseSeed;
    }

    /** A builder sampling {@code model}. */
    public static Builder builder(ChatModel model) {
        return new Builder(model);
    }

    /**
     * Samples {@code request} and votes.
     *
     * @throws dev.weft.core.InvalidModelResponseException if no sample had an answer to vote on
     */
    public ConsistentAnswer vote(ChatRequest request) {
        Preconditions.notNull(request, "request");
        List<ChatResponse> responses = executor == null ? sequentially(request) : concurrently(request);
        return Tally.count(responses, extractor, normaliser);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return vote(request).response();
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public void close() {
        model.close();
    }

    /** The request for sample {@code i}: its own seed, and a temperature if the request has none. */
    private ChatRequest sample(ChatRequest request, int i) {
        Sampling s = request.sampling();
        Sampling.Builder b = s.toBuilder();
        if (s.temperature() == null && temperature != null) {
            b.temperature(temperature);
        }
        Long base = s.seed() != null ? s.seed() : baseSeed;
        if (base != null) {
            b.seed(base + i);
        }
        return request.withSampling(b.build());
    }

    private List<ChatResponse> sequentially(ChatRequest request) {
        List<ChatResponse> responses = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            responses.add(model.chat(sample(request, i)));
        }
        return responses;
    }

    private List<ChatResponse> concurrently(ChatRequest request) {
        List<CompletableFuture<ChatResponse>> futures = new ArrayList<>(samples);
        try {
            for (int i = 0; i < samples; i++) {
                ChatRequest r = sample(request, i);
                futures.add(CompletableFuture.supplyAsync(() -> model.chat(r), executor));
            }
            List<ChatResponse> responses = new ArrayList<>(samples);
            for (CompletableFuture<ChatResponse> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } catch (RejectedExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            throw new WeftException("The executor refused sample " + (futures.size() + 1) + " of " + samples
                    + "; give it room for " + samples + " tasks per vote", e);
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new WeftException("Interrupted while waiting for the samples of " + model.info().id(), e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new WeftException("A sample of " + model.info().id() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Builds a {@link SelfConsistency}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private int samples = 5;
        private AnswerExtractor extractor = AnswerExtractor.WHOLE_TEXT;
        private AnswerNormaliser normaliser = AnswerNormaliser.DEFAULT;
        private Executor executor;
        private Double temperature = 0.7;
        private Long baseSeed;

        private Builder(ChatModel model) {
            this.model = model;
        }

        /** How many times to sample, >= 1; default 5. An odd number avoids most ties. */
        public Builder samples(int samples) {
            this.samples = samples;
            return this;
        }

        /** What to vote on in each answer; default {@link AnswerExtractor#WHOLE_TEXT}. */
        public Builder extractor(AnswerExtractor extractor) {
            this.extractor = extractor;
            return this;
        }

        /** How to put answers in normal form; default {@link AnswerNormaliser#DEFAULT}. */
        public Builder normaliser(AnswerNormaliser normaliser) {
            this.normaliser = normaliser;
            return this;
        }

        /**
         * Where to run the samples concurrently; default none (one after another on the calling thread). Bound it
         * (a fixed pool) to bound the calls in flight; it must accept all samples of a vote at once.
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** The temperature for requests that set none, >= 0, or null to leave them at the model's default; default 0.7. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** The seed of sample 0 for requests that set none (sample {@code i} gets {@code baseSeed + i}); default none. */
        public Builder baseSeed(Long baseSeed) {
            this.baseSeed = baseSeed;
            return this;
        }

        /**
         * The voter.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public SelfConsistency build() {
            Preconditions.notNull(model, "model");
            Preconditions.check(samples >= 1, "samples must be >= 1, was " + samples);
            Preconditions.notNull(extractor, "extractor");
            Preconditions.notNull(normaliser, "normaliser");
            Preconditions.check(temperature == null || (temperature >= 0 && Double.isFinite(temperature)),
                    "temperature must be >= 0, was " + temperature);
            return new SelfConsistency(this);
        }
    }
}
