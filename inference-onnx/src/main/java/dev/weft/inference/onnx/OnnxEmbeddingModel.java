package dev.weft.inference.onnx;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import dev.weft.inference.onnx.internal.BundledSource;
import dev.weft.inference.onnx.internal.DirectorySource;
import dev.weft.inference.onnx.internal.EmbeddingEngine;
import dev.weft.inference.onnx.internal.EngineSettings;
import dev.weft.inference.onnx.internal.ModelSource;
import dev.weft.inference.onnx.internal.SessionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text embedding model run in-process by ONNX Runtime: a BERT-style encoder from the class path
 * ({@link BundledModel}) or from a directory holding {@code model.onnx} and {@code tokenizer.json}, tokenized by
 * DJL's HuggingFace tokenizers.
 *
 * <pre>{@code
 * try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder()
 *         .bundled(BundledModel.ALL_MINILM_L6_V2)
 *         .build()) {
 *     EmbeddingResponse r = model.embed(List.of("The cat sat on the mat.", "A kitten sleeps on the rug."));
 *     float[] first = r.embeddings().get(0).vector();
 * }
 * }</pre>
 *
 * <p><b>Behaviour.</b> Inputs are tokenized, sorted by length, cut into batches of {@code batchSize}, each padded
 * only to its own longest member, run, pooled (mean over real tokens, or the {@code [CLS]} vector), L2-normalised
 * if configured, and returned in the caller's order. A text longer than {@code maxSequenceLength} tokens (special
 * tokens included) is cut to it: its {@link Embedding#truncated()} is true, and each call that truncates logs one
 * warning saying how many texts were cut. The truncation and padding written in {@code tokenizer.json} are
 * ignored. Token usage is the sum of the texts' token counts.
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use; one ONNX Runtime session serves all threads. {@link #close()}
 * waits for calls in progress, frees the native session and tokenizer, and is harmless to repeat; later calls
 * throw {@link ResourceClosedException}.
 *
 * <p><b>Native libraries and privacy.</b> ONNX Runtime's telemetry is switched off
 * ({@code OrtEnvironment.setTelemetry(false)}). ONNX Runtime unpacks its native library into a temporary
 * directory (or loads it from the {@code onnxruntime.native.path} system property). DJL unpacks its native
 * tokenizer library on first use into {@code ~/.djl.ai/tokenizers/} (into {@code java.io.tmpdir/.djl.ai} when the
 * home directory is not writable); the {@code DJL_CACHE_DIR} environment variable or system property moves the
 * whole cache, {@code ENGINE_CACHE_DIR} moves only native libraries, and {@code RUST_LIBRARY_PATH} points at an
 * already unpacked library. Unless the application set them, Weft sets the system properties
 * {@code OPT_OUT_TRACKING=true} (DJL otherwise probes the EC2 metadata address to send telemetry) and
 * {@code RUST_FLAVOR=cpu} (DJL otherwise downloads a CUDA build of the tokenizer library on GPU machines).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {
    private static final Logger log = LoggerFactory.getLogger(OnnxEmbeddingModel.class);
    private static final int LOGGED_INDICES = 10;

    private final ModelInfo info;
    private final EmbeddingEngine engine;
    private final int maxSequenceLength;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock

    private OnnxEmbeddingModel(ModelInfo info, EmbeddingEngine engine, int maxSequenceLength) {
        this.info = info;
        this.engine = engine;
        this.maxSequenceLength = maxSequenceLength;
    }

    /** A builder; set {@link Builder#bundled} or {@link Builder#directory}, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public int dimension() {
        return engine.dimension();
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException if {@code texts} or one of them is null or blank; the message names its index
     * @throws ResourceClosedException after {@link #close()}
     */
    @Override
    public EmbeddingResponse embed(List<String> texts) {
        Preconditions.notNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] is " + (text == null ? "null" : "blank")
                        + "; every text to embed must hold a non-whitespace character");
            }
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ResourceClosedException("Embedding model " + info.id() + " is closed");
            }
            if (texts.isEmpty()) {
                return new EmbeddingResponse(List.of(), TokenUsage.ZERO);
            }
            List<Embedding> embeddings = engine.embed(texts);
            long tokens = 0;
            List<Integer> truncated = new ArrayList<>();
            for (int i = 0; i < embeddings.size(); i++) {
                tokens += embeddings.get(i).tokenCount();
                if (embeddings.get(i).truncated()) {
                    truncated.add(i);
                }
            }
            if (!truncated.isEmpty()) {
                log.warn("{}: {} of {} texts were longer than {} tokens and were truncated (indices {}{})", info.id(),
                        truncated.size(), texts.size(), maxSequenceLength,
                        truncated.subList(0, Math.min(LOGGED_INDICES, truncated.size())),
                        truncated.size() > LOGGED_INDICES ? ", …" : "");
            }
            return new EmbeddingResponse(embeddings, new TokenUsage(tokens, 0));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Counts word pieces exactly as this model's tokenizer does (special tokens excluded, nothing truncated), for
     * sizing chunks; its texts embed in {@code count + 2} tokens. Thread-safe; unusable after {@link #close()}.
     */
    @Override
    public TokenCounter tokenCounter() {
        return text -> {
            Preconditions.notNull(text, "text");
            lock.readLock().lock();
            try {
                if (closed) {
                    throw new ResourceClosedException("Embedding model " + info.id() + " is closed");
                }
                return engine.countTokens(text);
            } finally {
                lock.readLock().unlock();
            }
        };
    }

    /** Frees the native session and tokenizer once calls in progress finish. Closing twice is harmless. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                engine.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxEmbeddingModel[" + info.id() + ", " + info.attributes() + "]";
    }

    /**
     * Configures an {@link OnnxEmbeddingModel}. Not thread-safe. {@link #build()} checks every option and fails
     * with {@link InvalidInputException} naming the option, {@link ModelNotFoundException} naming a missing file
     * or jar, or {@link ModelLoadException} when the files cannot be used.
     *
     * <pre>{@code
     * OnnxEmbeddingModel e5 = OnnxEmbeddingModel.builder()
     *     .directory(Path.of("/models/e5-small-v2"))   // model.onnx + tokenizer.json
     *     .pooling(Pooling.MEAN)
     *     .maxSequenceLength(512)
     *     .batchSize(16)
     *     .intraOpThreads(4)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private BundledModel bundled;
        private Path directory;
        private String modelId;
        private Pooling pooling;
        private Boolean normalize;
        private Integer maxSequenceLength;
        private int batchSize = 32;
        private int intraOpThreads;
        private int interOpThreads;
        private GraphOptimization optimization = GraphOptimization.ALL;
        private ExecutionProvider executionProvider = ExecutionProvider.cpu();

        private Builder() {}

        /** Use a model bundled in a jar on the class path. Excludes {@link #directory}. */
        public Builder bundled(BundledModel model) {
            this.bundled = Preconditions.notNull(model, "bundled");
            return this;
        }

        /** Use the model in {@code directory}, which holds {@code model.onnx} and {@code tokenizer.json}. Excludes {@link #bundled}. */
        public Builder directory(Path directory) {
            this.directory = Preconditions.notNull(directory, "directory");
            return this;
        }

        /** The id of a directory model in {@code ModelInfo}; default: the directory's name. */
        public Builder modelId(String modelId) {
            this.modelId = Preconditions.notBlank(modelId, "modelId");
            return this;
        }

        /** How token vectors become one vector; default: the bundled model's, {@link Pooling#MEAN} for directories. */
        public Builder pooling(Pooling pooling) {
            this.pooling = Preconditions.notNull(pooling, "pooling");
            return this;
        }

        /** Whether to scale vectors to unit length; default true. */
        public Builder normalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /**
         * The longest input in tokens, special tokens included; longer texts are truncated and flagged. Default: the
         * bundled model's (256 for all-MiniLM, 512 for bge), else {@code model_max_length} from the directory's
         * {@code tokenizer_config.json}, else 512. At most 512 for bundled models.
         */
        public Builder maxSequenceLength(int maxSequenceLength) {
            this.maxSequenceLength = maxSequenceLength;
            return this;
        }

        /**
         * The most texts per ONNX Runtime call; default 32. With fp32 graphs the vectors do not depend on it; int8
         * graphs quantise activations with one range per batch, so their vectors move slightly with their
         * batch-mates, and {@code batchSize(1)} makes them reproducible text by text.
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Threads ONNX Runtime uses within an operator; default: one per physical core. */
        public Builder intraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        /** Threads ONNX Runtime uses across independent operators; default: ONNX Runtime's. */
        public Builder interOpThreads(int threads) {
            this.interOpThreads = threads;
            return this;
        }

        /** The graph optimisation level; default {@link GraphOptimization#ALL}. */
        public Builder optimizationLevel(GraphOptimization level) {
            this.optimization = Preconditions.notNull(level, "optimizationLevel");
            return this;
        }

        /** Where to run; default {@link ExecutionProvider#cpu()}. CUDA falls back to the CPU with one warning. */
        public Builder executionProvider(ExecutionProvider provider) {
            this.executionProvider = Preconditions.notNull(provider, "executionProvider");
            return this;
        }

        /** Checks the options, loads the model and returns it; the caller closes it. */
        public OnnxEmbeddingModel build() {
            Preconditions.check(bundled != null || directory != null,
                    "Set bundled(BundledModel) or directory(Path) to say which model to load");
            Preconditions.check(bundled == null || directory == null,
                    "bundled(" + bundled + ") and directory(" + directory + ") exclude each other; set one");
            Preconditions.check(bundled == null || modelId == null,
                    "modelId applies to directory(...) models; bundled models are named by their BundledModel id");
            Preconditions.check(batchSize >= 1, "batchSize must be >= 1, was " + batchSize);
            Preconditions.check(intraOpThreads >= 0, "intraOpThreads must be >= 1 (or 0 for the default), was " + intraOpThreads);
            Preconditions.check(interOpThreads >= 0, "interOpThreads must be >= 1 (or 0 for the default), was " + interOpThreads);
            int limit = bundled != null ? BundledModel.POSITION_LIMIT : Integer.MAX_VALUE;
            if (maxSequenceLength != null) {
                Preconditions.check(maxSequenceLength >= MIN_SEQUENCE_LENGTH && maxSequenceLength <= limit,
                        "maxSequenceLength must be between " + MIN_SEQUENCE_LENGTH + " and " + limit
                                + (bundled != null ? " (the positions " + bundled.id() + " was trained with)" : "")
                                + ", was " + maxSequenceLength);
            }
            ModelSource source = bundled != null ? BundledSource.load(bundled) : DirectorySource.of(directory, modelId);
            Pooling p = pooling != null ? pooling : source.defaultPooling();
            boolean norm = normalize == null || normalize;
            int max = maxSequenceLength != null ? maxSequenceLength : source.defaultMaxSequenceLength();
            EngineSettings settings = new EngineSettings(p, norm, max, batchSize,
                    new SessionSettings(intraOpThreads, interOpThreads, optimization, executionProvider));
            EmbeddingEngine engine = EmbeddingEngine.open(source, settings);
            ModelInfo.Builder info = ModelInfo.builder(source.id(), "onnx")
                    .version(source.version())
                    .capabilities(Capability.EMBEDDING)
                    .contextWindow(max)
                    .pricing(Pricing.FREE)
                    .attribute("dimension", Integer.toString(engine.dimension()))
                    .attribute("pooling", engine.pooling())
                    .attribute("normalize", Boolean.toString(norm))
                    .attribute("maxSequenceLength", Integer.toString(max))
                    .attribute("batchSize", Integer.toString(engine.batchSize()))
                    .attribute("execution.provider", engine.executionProvider())
                    .attribute("source", source.location());
            if (!engine.executionProvider().equals(executionProvider.id())) {
                info.attribute("execution.provider.requested", executionProvider.id());
            }
            return new OnnxEmbeddingModel(info.build(), engine, max);
        }

        /** [CLS], one word piece, [SEP]. */
        private static final int MIN_SEQUENCE_LENGTH = 3;
    }
}
