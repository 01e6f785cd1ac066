package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.resilience.Fallback;
import dev.weft.core.resilience.FallbackMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link ChatModel} that tries its models in order: the first answers unless it fails in a way worth falling
 * back for, then the second, and so on. It is resilience's {@link Fallback} applied link by link (model
 * {@code i} falls back to the chain of the models after it), so it behaves as {@code Fallback} does: by default it
 * falls back on {@link Fallback#isWorthFallingBack} failures and passes others on, a stream moves on only while it
 * has delivered nothing, the response names the model that answered, and when the last model fails its exception
 * is thrown with the earlier models' failures attached as suppressed.
 *
 * <pre>{@code
 * ChatModel model = FallbackChain.of(primary, secondary, local);
 * ChatModel custom = FallbackChain.builder(primary).then(secondary).then(local)
 *     .when(e -> e instanceof ModelUnavailableException)
 *     .build();
 * }</pre>
 *
 * <p>{@link #info()} is the first model's. Thread-safe. Closing the chain closes each of its models once.
 */
public final class FallbackChain implements ChatModel {
    private final List<ChatModel> models;
    private final List<Fallback> links;
    private final ChatModel head;

    private FallbackChain(List<ChatModel> models, Predicate<? super RuntimeException> when) {
        this.models = List.copyOf(models);
        List<Fallback> reversed = new ArrayList<>();
        ChatModel rest = models.getLast();
        for (int i = models.size() - 2; i >= 0; i--) {
            Fallback link = Fallback.builder(rest).when(when).build();
            reversed.add(link);
            rest = ChatPipeline.over(models.get(i)).with(link).build();
        }
        this.links = List.copyOf(reversed.reversed());
        this.head = rest;
    }

    /** A chain over {@code first}, then each of {@code rest} in order, falling back on the default failures. */
    public static FallbackChain of(ChatModel first, ChatModel... rest) {
        Builder b = builder(first);
        for (ChatModel model : Preconditions.notNull(rest, "rest")) {
            b.then(model);
        }
        return b.build();
    }

    /** A builder for a chain that starts with {@code first}. */
    public static Builder builder(ChatModel first) {
        return new Builder(first);
    }

    @Override
    public ModelInfo info() {
        return models.getFirst().info();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return head.chat(request);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        return head.stream(request);
    }

    /** The models, in the order they are tried. */
    public List<ChatModel> models() {
        return models;
    }

    /** One snapshot per link: entry {@code i} counts the calls model {@code i} handed to the models after it. */
    public List<FallbackMetrics> metrics() {
        return links.stream().map(Fallback::metrics).toList();
    }

    @Override
    public void close() {
        new OwnedModels(models).close();
    }

    /** Builds a {@link FallbackChain}. Not thread-safe. */
    public static final class Builder {
        private final List<ChatModel> models = new ArrayList<>();
        private Predicate<? super RuntimeException> when = Fallback::isWorthFallingBack;

        private Builder(ChatModel first) {
            models.add(first);
        }

        /** Adds {@code model} after those added so far. */
        public Builder then(ChatModel model) {
            models.add(model);
            return this;
        }

        /** Which failures move the call on to the next model; default {@link Fallback#isWorthFallingBack}. */
        public Builder when(Predicate<? super RuntimeException> when) {
            this.when = when;
            return this;
        }

        /**
         * The chain.
         *
         * @throws dev.weft.core.InvalidInputException if a model or the predicate is null, or there are fewer than two
         *     models
         */
        public FallbackChain build() {
            for (int i = 0; i < models.size(); i++) {
                Preconditions.notNull(models.get(i), "model " + i + " of the chain");
            }
            Preconditions.check(models.size() >= 2, "a fallback chain needs at least two models, has " + models.size());
            Preconditions.notNull(when, "when");
            return new FallbackChain(models, when);
        }
    }
}
