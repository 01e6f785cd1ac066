package dev.weft.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A Weft {@link EmbeddingModel} backed by a LangChain4j one (OpenAI, Cohere, Voyage, Vertex, Bedrock, Ollama…), for
 * Weft's ingestion, retrieval, semantic cache and memory.
 *
 * <pre>{@code
 * EmbeddingModel embedder = LangChain4jEmbeddingModel.of(OpenAiEmbeddingModel.builder()
 *     .apiKey(key).modelName("text-embedding-3-small").build());
 * }</pre>
 *
 * <p>Texts go to LangChain4j's {@code embedAll} in one call, in order; the usage is LangChain4j's input token count.
 * Each {@link Embedding} reports 0 tokens and not truncated, since LangChain4j does not say per text. Blank texts are
 * refused before anything is sent, as Weft's contract requires; errors become Weft's typed exceptions as for
 * {@link LangChain4jChatModel}. Thread-safe when the LangChain4j model is. {@link #close()} does not close the
 * LangChain4j model.
 */
public final class LangChain4jEmbeddingModel implements EmbeddingModel {
    private final dev.langchain4j.model.embedding.EmbeddingModel model;
    private final int dimension;
    private final ModelInfo info;
    private final String what;
    private volatile boolean closed;

    private LangChain4jEmbeddingModel(dev.langchain4j.model.embedding.EmbeddingModel model, int dimension, ModelInfo info) {
        this.model = model;
        this.dimension = dimension;
        this.info = info;
        this.what = "LangChain4j embedding model " + model.getClass().getSimpleName() + " (" + info.id() + ")";
    }

    /** A Weft model over {@code model}; asks it for its dimension (which may embed a probe text). */
    public static LangChain4jEmbeddingModel of(dev.langchain4j.model.embedding.EmbeddingModel model) {
        return builder(model).build();
    }

    /** A builder over {@code model}. */
    public static Builder builder(dev.langchain4j.model.embedding.EmbeddingModel model) {
        return new Builder(model);
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
    public EmbeddingResponse embed(List<String> texts) {
        if (closed) {
            throw new ResourceClosedException(what + " was closed; build a new LangChain4jEmbeddingModel");
        }
        Checks.notNull(texts, "texts");
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] is " + (text == null ? "null" : "blank")
                        + "; every text to embed needs content");
            }
            segments.add(TextSegment.from(text));
        }
        if (segments.isEmpty()) {
            return new EmbeddingResponse(List.of(), null);
        }
        Response<List<dev.langchain4j.data.embedding.Embedding>> response;
        try {
            response = model.embedAll(segments);
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what);
        }
        List<dev.langchain4j.data.embedding.Embedding> vectors = response == null ? null : response.content();
        if (vectors == null || vectors.size() != texts.size()) {
            throw new InvalidModelResponseException(what + " returned " + (vectors == null ? "no" : vectors.size())
                    + " embeddings for " + texts.size() + " texts", String.valueOf(response));
        }
        List<Embedding> embeddings = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i).vector();
            if (v.length != dimension) {
                throw new InvalidModelResponseException(what + " returned a vector of dimension " + v.length
                        + " for texts[" + i + "], expected " + dimension, "dimension " + v.length);
            }
            embeddings.add(new Embedding(v, 0, false));
        }
        return new EmbeddingResponse(embeddings, ResponseTranslation.usage(response.tokenUsage()));
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "LangChain4jEmbeddingModel[" + what + ", dimension=" + dimension + "]";
    }

    /** Builds a {@link LangChain4jEmbeddingModel}. Not thread-safe. */
    public static final class Builder {
        private final dev.langchain4j.model.embedding.EmbeddingModel model;
        private Integer dimension;
        private ModelInfo info;

        private Builder(dev.langchain4j.model.embedding.EmbeddingModel model) {
            this.model = model;
        }

        /**
         * The length of the model's vectors. By default the LangChain4j model is asked at {@link #build()}, which
         * for some (OpenAI among them) means embedding a probe text; give it to avoid that call.
         */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** What the model is; by default its LangChain4j model name and provider, free. */
        public Builder info(ModelInfo info) {
            this.info = info;
            return this;
        }

        public LangChain4jEmbeddingModel build() {
            Checks.notNull(model, "LangChain4jEmbeddingModel.builder(model)");
            int d;
            if (dimension != null) {
                d = dimension;
            } else {
                try {
                    d = model.dimension();
                } catch (RuntimeException e) {
                    throw ErrorTranslation.translate(e, "LangChain4j embedding model " + model.getClass().getSimpleName()
                            + ", asked for its dimension (give LangChain4jEmbeddingModel.builder(..).dimension(..) to skip this)");
                }
            }
            Checks.check(d >= 1, "LangChain4jEmbeddingModel.builder(..).dimension(..) must be >= 1, was " + d);
            return new LangChain4jEmbeddingModel(model, d,
                    info != null ? info : ModelInfos.embedding(model.modelName(), model.provider(), model.getClass(), d));
        }
    }
}
