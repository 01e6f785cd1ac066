package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.core.ModelLoadException;
import dev.weft.core.model.Embedding;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokenizer, session and batching for one embedding model: tokenize, sort by length, run padded batches, pool,
 * normalise, and return the embeddings in the caller's order. Thread-safe for {@link #embed}; the caller makes sure
 * {@link #close()} does not race with it.
 */
public final class EmbeddingEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingEngine.class);

    private final String modelId;
    private final TextTokenizer tokenizer;
    private final OrtSession session;
    private final BatchInference inference;
    private final int batchSize;
    private final int dimension;
    private final String pooling;
    private final String executionProvider;
    private final ModelSource source;
    private volatile CountingTokenizer counter; // loaded on first use: most callers never count

    private EmbeddingEngine(ModelSource source, String modelId, TextTokenizer tokenizer, SessionOpener.OpenedSession opened, GraphSignature graph,
                            EngineSettings settings) {
        this.modelId = modelId;
        this.tokenizer = tokenizer;
        this.source = source;
        this.session = opened.session();
        this.executionProvider = opened.provider();
        this.inference = new BatchInference(SharedOrtEnvironment.get(), session, graph, settings.pooling(), settings.normalize());
        // Without an attention mask, padding would leak into the shorter texts' vectors: run them one by one.
        this.batchSize = graph.attentionMask() ? settings.batchSize() : 1;
        if (!graph.attentionMask() && settings.batchSize() > 1) {
            log.info("{}: the graph takes no attention_mask, so texts are embedded one at a time (batchSize 1)", modelId);
        }
        this.pooling = graph.pooled() ? "none (the graph's output is pooled)" : settings.pooling().name().toLowerCase(Locale.ROOT);
        this.dimension = graph.dimension() > 0 ? graph.dimension() : probeDimension();
    }

    /**
     * Loads the tokenizer and the graph of {@code source}.
     *
     * @throws ModelLoadException when either cannot be used
     */
    public static EmbeddingEngine open(ModelSource source, EngineSettings settings) {
        TextTokenizer tokenizer = TextTokenizer.load(source, settings.maxSequenceLength());
        SessionOpener.OpenedSession opened = null;
        try {
            opened = SessionOpener.open(source, settings.session());
            GraphSignature graph = GraphSignature.inspect(opened.session(), source.location());
            return new EmbeddingEngine(source, source.id(), tokenizer, opened, graph, settings);
        } catch (RuntimeException e) {
            tokenizer.close();
            if (opened != null) {
                closeQuietly(opened.session());
            }
            throw e;
        }
    }

    /** The vector length. */
    public int dimension() {
        return dimension;
    }

    /** The pooling really applied: {@code mean}, {@code cls}, or none when the graph pools. */
    public String pooling() {
        return pooling;
    }

    /** The most texts per session run: the configured batch size, or 1 when the graph takes no attention mask. */
    public int batchSize() {
        return batchSize;
    }

    /** The execution provider the session runs on: {@code cpu} or {@code cuda:N}. */
    public String executionProvider() {
        return executionProvider;
    }

    /** Embeds {@code texts} (non-empty, none null), in their order. */
    public List<Embedding> embed(List<String> texts) {
        TokenizedText[] tokens = tokenizer.encode(texts);
        int[] lengths = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lengths[i] = tokens[i].length();
            if (tokens[i].truncated() && log.isDebugEnabled()) {
                log.debug("{}: texts[{}] was cut to {} tokens", modelId, i, lengths[i]);
            }
        }
        Embedding[] out = new Embedding[tokens.length];
        for (int[] batch : BatchPlan.of(lengths, batchSize)) {
            float[][] vectors = inference.run(tokens, batch);
            for (int r = 0; r < batch.length; r++) {
                int i = batch[r];
                out[i] = new Embedding(vectors[r], lengths[i], tokens[i].truncated());
            }
        }
        return Arrays.asList(out);
    }

    /** Counts word pieces without special tokens or truncation; the counting tokenizer loads on first use. */
    public int countTokens(String text) {
        CountingTokenizer c = counter;
        if (c == null) {
            synchronized (this) {
                c = counter;
                if (c == null) {
                    c = CountingTokenizer.load(source);
                    counter = c;
                }
            }
        }
        return c.count(text);
    }

    @Override
    public void close() {
        try {
            closeQuietly(session);
        } finally {
            tokenizer.close();
            CountingTokenizer c = counter;
            if (c != null) {
                c.close();
            }
        }
    }

    private int probeDimension() {
        float[][] probe = inference.run(tokenizer.encode(List.of("dimension probe")), new int[] {0});
        return probe[0].length;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            log.debug("Closing an ONNX Runtime session failed", e);
        }
    }
}
