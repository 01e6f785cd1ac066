package dev.weft.core.observability;

import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * An {@link EmbeddingModel} that traces each {@link #embed(List)} call of the model it wraps: one {@code embeddings}
 * span, current while the wrapped model works, and the client histograms. Everything else is the wrapped model's own,
 * {@link #close()} included. Thread-safe when the wrapped model is.
 */
final class TracedEmbeddingModel implements EmbeddingModel {
    private final EmbeddingModel delegate;
    private final Instrumentation instrumentation;
    private final String providerName;
    private volatile ModelAttributes attributes;

    TracedEmbeddingModel(EmbeddingModel delegate, Instrumentation instrumentation, String providerName) {
        this.delegate = delegate;
        this.instrumentation = instrumentation;
        this.providerName = providerName;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public TokenCounter tokenCounter() {
        return delegate.tokenCounter();
    }

    @Override
    public EmbeddingResponse embed(List<String> texts) {
        TracedCall call = TracedCall.startEmbeddings(instrumentation, attributes(), texts, delegate.dimension());
        EmbeddingResponse response;
        try (Scope ignored = call.context().makeCurrent()) {
            response = delegate.embed(texts);
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
        call.succeeded(response);
        return response;
    }

    /** Closes the wrapped model. */
    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Traced[" + delegate + "]";
    }

    /** The attribute sets of the wrapped model's info, worked out again only when the info changes (by identity). */
    private ModelAttributes attributes() {
        ModelInfo info = delegate.info();
        ModelAttributes last = attributes;
        if (last != null && last.info() == info) {
            return last;
        }
        ModelAttributes found = ModelAttributes.embeddings(info, providerName);
        attributes = found;
        return found;
    }
}
