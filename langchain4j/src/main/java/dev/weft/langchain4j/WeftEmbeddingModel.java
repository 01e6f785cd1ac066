package dev.weft.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.embedding.response.EmbeddingResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * A LangChain4j {@link EmbeddingModel} backed by a Weft one, for example Weft's local ONNX models with their exact
 * tokenizers, for LangChain4j ingestors, stores and content retrievers.
 *
 * <pre>{@code
 * EmbeddingModel embedder = new WeftEmbeddingModel(
 *     OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build());
 * EmbeddingStoreIngestor.builder().embeddingModel(embedder).embeddingStore(store).build().ingest(documents);
 * }</pre>
 *
 * <p>Inputs are embedded in one call to the Weft model, in order; the token usage is the Weft model's input count.
 * Weft's errors pass through as Weft exceptions (unchecked, with messages that say what to do). Thread-safe when the
 * Weft model is (Weft's are). The Weft model stays the caller's to close.
 */
public final class WeftEmbeddingModel implements EmbeddingModel {
    private final dev.weft.core.model.EmbeddingModel model;

    /** A LangChain4j model over {@code model}. */
    public WeftEmbeddingModel(dev.weft.core.model.EmbeddingModel model) {
        this.model = Checks.notNull(model, "model");
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        List<String> texts = new ArrayList<>(request.inputs().size());
        for (EmbeddingInput input : request.inputs()) {
            texts.add(input.text());
        }
        dev.weft.core.model.EmbeddingResponse response = model.embed(texts);
        List<Embedding> embeddings = new ArrayList<>(response.embeddings().size());
        for (dev.weft.core.model.Embedding e : response.embeddings()) {
            embeddings.add(Embedding.from(e.vector()));
        }
        return EmbeddingResponse.builder()
                .embeddings(embeddings)
                .metadata(EmbeddingResponseMetadata.builder()
                        .modelName(modelName())
                        .tokenUsage(new TokenUsage(Math.toIntExact(Math.min(Integer.MAX_VALUE, response.usage().inputTokens()))))
                        .build())
                .build();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelName() {
        return model.info().id();
    }

    @Override
    public String toString() {
        return "WeftEmbeddingModel[" + model.info().provider() + ":" + model.info().id() + "]";
    }
}
