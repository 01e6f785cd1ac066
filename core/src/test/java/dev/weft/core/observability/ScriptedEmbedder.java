package dev.weft.core.observability;

import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double: an {@link EmbeddingModel} that answers each call from a script (a function of the texts, or a
 * failure) and remembers what it saw: the span current during each call, and how often it was closed. Thread-safe.
 */
final class ScriptedEmbedder implements EmbeddingModel {
    /** Counts one token per code point: exact, and different from {@link TokenCounter#APPROXIMATE}. */
    static final TokenCounter CODE_POINTS = text -> text.codePointCount(0, text.length());

    private final ModelInfo info;
    private final int dimension;
    private final Function<List<String>, EmbeddingResponse> answer;
    private final List<SpanContext> currentSpans = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();

    private ScriptedEmbedder(ModelInfo info, int dimension, Function<List<String>, EmbeddingResponse> answer) {
        this.info = info;
        this.dimension = dimension;
        this.answer = answer;
    }

    /** Answers with {@code answer(texts)}. */
    static ScriptedEmbedder answering(ModelInfo info, int dimension, Function<List<String>, EmbeddingResponse> answer) {
        return new ScriptedEmbedder(info, dimension, answer);
    }

    /** Answers with {@link #vectors}: one vector per text, one token per code point. */
    static ScriptedEmbedder counting(ModelInfo info, int dimension) {
        return new ScriptedEmbedder(info, dimension, texts -> vectors(texts, dimension, true));
    }

    /** Throws {@code failure} (a {@link RuntimeException} or an {@link Error}) on every call. */
    static ScriptedEmbedder failing(ModelInfo info, Throwable failure) {
        return new ScriptedEmbedder(info, 4, texts -> {
            switch (failure) {
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalArgumentException("not unchecked: " + failure);
            }
        });
    }

    /**
     * One constant vector of {@code dimension} per text, each counting a token per code point; the usage is their sum
     * when {@code reportUsage}, else {@link TokenUsage#ZERO} (a provider that reports none).
     */
    static EmbeddingResponse vectors(List<String> texts, int dimension, boolean reportUsage) {
        List<Embedding> embeddings = new ArrayList<>();
        long tokens = 0;
        for (String text : texts) {
            int count = CODE_POINTS.count(text);
            tokens += count;
            embeddings.add(new Embedding(new float[dimension], count, false));
        }
        return new EmbeddingResponse(embeddings, reportUsage ? new TokenUsage(tokens, 0) : TokenUsage.ZERO);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public TokenCounter tokenCounter() {
        return CODE_POINTS;
    }

    @Override
    public EmbeddingResponse embed(List<String> texts) {
        currentSpans.add(Span.current().getSpanContext());
        return answer.apply(texts);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** The span that was current during each call, in call order. */
    List<SpanContext> currentSpans() {
        return List.copyOf(currentSpans);
    }

    int closes() {
        return closes.get();
    }
}
