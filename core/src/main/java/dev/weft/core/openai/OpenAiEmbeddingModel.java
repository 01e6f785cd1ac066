package dev.weft.core.openai;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * An embedding model behind an OpenAI-compatible {@code /embeddings} endpoint. Texts are sent in batches of
 * {@link Builder#batchSize}; vectors come back in input order. Thread-safe; close it to release its HTTP client.
 *
 * <pre>{@code
 * try (OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().model("text-embedding-3-small").build()) {
 *     float[] v = model.embed("What is the capital of France?").vector();   // 1536 dimensions
 * }
 * }</pre>
 *
 * <p>{@link #dimension()} is known without a call when {@link Builder#dimensions(int)} is set or the model is one of
 * OpenAI's ({@code text-embedding-3-small} 1536, {@code -3-large} 3072, {@code ada-002} 1536); otherwise the
 * first call (or {@code dimension()} itself, by embedding a one-word probe) learns it. Errors are typed as for
 * {@link OpenAiChatModel}.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {
    private static final Map<String, Integer> KNOWN_DIMENSIONS =
            Map.of("text-embedding-3-small", 1536, "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536);

    private final OpenAiHttp http;
    private final URI uri;
    private final ModelInfo info;
    private final String model;
    private final Integer requestedDimensions;
    private final int batchSize;
    private volatile int dimension;

    private OpenAiEmbeddingModel(Builder b, Endpoint endpoint) {
        this.model = b.modelName();
        this.requestedDimensions = b.dimensions;
        this.batchSize = b.batchSize;
        this.dimension = b.dimensions != null ? b.dimensions : KNOWN_DIMENSIONS.getOrDefault(model, 0);
        this.info = b.info(endpoint, EnumSet.of(Capability.EMBEDDING));
        this.http = new OpenAiHttp(endpoint, model);
        this.uri = http.uri("/embeddings");
    }

    /** A builder; {@link Builder#model(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The vector length; may make one call to learn it (see the class description). */
    @Override
    public int dimension() {
        int d = dimension;
        if (d == 0) {
            embed(List.of("dimension"));
            d = dimension;
        }
        return d;
    }

    @Override
    public EmbeddingResponse embed(List<String> texts) {
        Preconditions.notNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] is " + (t == null ? "null" : "blank")
                        + "; OpenAI-compatible endpoints refuse empty inputs");
            }
        }
        http.ensureOpen();
        if (texts.isEmpty()) {
            return new EmbeddingResponse(List.of(), TokenUsage.ZERO);
        }
        List<Embedding> all = new ArrayList<>(texts.size());
        TokenUsage usage = TokenUsage.ZERO;
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            byte[] answer = http.post(uri, EmbeddingsCodec.encode(model, batch, requestedDimensions));
            EmbeddingsCodec.Batch b = EmbeddingsCodec.decode(answer, batch.size(), dimension, http.where());
            if (dimension == 0) {
                dimension = b.embeddings()[0].dimension();
            }
            all.addAll(Arrays.asList(b.embeddings()));
            usage = usage.plus(b.usage());
        }
        return new EmbeddingResponse(all, usage);
    }

    /** Releases the HTTP client if this model created it. Harmless to call again. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiEmbeddingModel[model=" + model + ", " + http.endpoint() + "]";
    }

    /**
     * Builds an {@link OpenAiEmbeddingModel}; the shared options are described on {@link OpenAiModelBuilder}. Not
     * thread-safe.
     */
    public static final class Builder extends OpenAiModelBuilder<Builder> {
        /** The default number of texts per request. */
        public static final int DEFAULT_BATCH_SIZE = 256;
        /** OpenAI's limit on inputs per request. */
        public static final int MAX_BATCH_SIZE = 2048;

        private Integer dimensions;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder() {}

        /**
         * Asks for vectors of this length (sent as {@code dimensions}; {@code text-embedding-3-*} shorten their
         * vectors to it). Other servers may refuse the field; leave it unset for them.
         */
        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /** Texts per request, 1 to {@value #MAX_BATCH_SIZE}; default {@value #DEFAULT_BATCH_SIZE}. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The model.
         *
         * @throws InvalidInputException naming the first bad option
         */
        public OpenAiEmbeddingModel build() {
            Endpoint endpoint = endpoint("OpenAiEmbeddingModel");
            if (dimensions != null && dimensions < 1) {
                throw new InvalidInputException("dimensions must be >= 1, was " + dimensions);
            }
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new InvalidInputException("batchSize must be in [1, " + MAX_BATCH_SIZE + "], was " + batchSize);
            }
            return new OpenAiEmbeddingModel(this, endpoint);
        }
    }
}
