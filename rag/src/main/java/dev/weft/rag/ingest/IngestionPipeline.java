package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.VectorStore;

/**
 * Ingests a {@link DocumentSource} into a {@link VectorStore}: each entry is read, loaded by the
 * {@link DocumentLoader} for its type, cut by the {@link Splitter}, embedded in batches and upserted, with chunk
 * ids {@code docId#n} and metadata that carries citations ({@code source}, {@code title}, {@code page}).
 *
 * <p>Incremental by content hash, through an {@link IngestionManifest}: a document whose bytes are unchanged is
 * neither loaded nor embedded again; a changed one has its old chunks deleted ({@code doc.id} filter) and its new
 * ones upserted; one gone from the source has its chunks deleted. When the embedding model or the splitter's
 * {@link Splitter#fingerprint() settings} differ from the manifest's, every document is ingested anew. A file that
 * cannot be read or loaded, or has no loader, is reported in {@link IngestionReport#failures()} and keeps what it
 * had in the store; the rest still ingest. After the run the store is committed, then the manifest saved.
 *
 * <p>Thread-safe: {@link #run()} calls are serialised. If the embedding model or the store throws, the run stops
 * and the manifest is left as it was, so the next run redoes the work (writes are idempotent).
 *
 * <pre>{@code
 * IngestionPipeline pipeline = IngestionPipeline.builder()
 *     .source(DirectorySource.builder(Path.of("docs")).include("**&#47;*.{md,txt,html,pdf}").build())
 *     .splitter(Splitter.markdownHeaders().tokenCounter(model.tokenCounter()).chunkSize(256).overlap(32).build())
 *     .embeddingModel(model)
 *     .store(store)
 *     .manifest(IngestionManifest.file(Path.of("index/manifest.json")))
 *     .build();
 * IngestionReport report = pipeline.run();
 * }</pre>
 */
public final class IngestionPipeline {
    /**
     * Chunks per embedding call unless configured: wide enough for the model to sort them into batches of like
     * length. On 1,000 SciFact abstracts in 254-piece chunks, 256 ingested 27.2 chunks/s against 20.5 with 32
     * (all-MiniLM-L6-v2; 52.0 against 33.6 with its int8 build): {@code ./benchmarks/run SciFactIngestion --docs 1000}
     * and {@code … --window 32}.
     */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final Builder settings;

    private IngestionPipeline(Builder settings) {
        this.settings = settings;
    }

    /** A builder; source, splitter, embedding model and store are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings the store up to date with the source.
     *
     * @return what changed, and which documents failed
     * @throws dev.weft.core.WeftException if the source cannot be listed (nothing is changed then), or the
     *     embedding model, the store or the manifest fails
     */
    public synchronized IngestionReport run() {
        return new IngestionRun(settings.source, settings.loaders, settings.splitter, settings.embeddingModel,
                settings.store, settings.manifest, settings.batchSize, settings.listener).run();
    }

    /** The manifest this pipeline keeps. */
    public IngestionManifest manifest() {
        return settings.manifest;
    }

    @Override
    public String toString() {
        return "IngestionPipeline[source=" + settings.source + ", splitter=" + settings.splitter.fingerprint()
                + ", model=" + settings.embeddingModel.info().id() + ", manifest=" + settings.manifest + "]";
    }

    /** Builds {@link IngestionPipeline}. Not thread-safe; {@link #build()} validates and copies. */
    public static final class Builder {
        private DocumentSource source;
        private DocumentLoaders loaders = DocumentLoaders.defaults();
        private Splitter splitter;
        private EmbeddingModel embeddingModel;
        private VectorStore store;
        private IngestionManifest manifest;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private ProgressListener listener = ProgressListener.NONE;

        private Builder() {}

        private Builder(Builder other) {
            source = other.source;
            loaders = other.loaders;
            splitter = other.splitter;
            embeddingModel = other.embeddingModel;
            store = other.store;
            manifest = other.manifest;
            batchSize = other.batchSize;
            listener = other.listener;
        }

        /** Where documents come from. Required. */
        public Builder source(DocumentSource source) {
            this.source = source;
            return this;
        }

        /** The loaders to choose from; {@link DocumentLoaders#defaults()} by default. */
        public Builder loaders(DocumentLoaders loaders) {
            this.loaders = loaders;
            return this;
        }

        /** How documents are cut; size it with the embedding model's token counter. Required. */
        public Builder splitter(Splitter splitter) {
            this.splitter = splitter;
            return this;
        }

        /** The model that embeds chunks. Required; its dimension must be the store's. */
        public Builder embeddingModel(EmbeddingModel embeddingModel) {
            this.embeddingModel = embeddingModel;
            return this;
        }

        /** Where chunks go. Required. */
        public Builder store(VectorStore store) {
            this.store = store;
            return this;
        }

        /** What was ingested before; a new {@link IngestionManifest#inMemory()} by default. */
        public Builder manifest(IngestionManifest manifest) {
            this.manifest = manifest;
            return this;
        }

        /**
         * Chunks per call to the embedding model, across documents; {@value #DEFAULT_BATCH_SIZE} by default, at least
         * 1. A call is not one forward pass: the model sorts a call's texts by length and runs them in its own
         * batches, each padded to its longest text, so a wide call lets it group chunks of like length (a document's
         * short last chunk with other short ones) instead of padding them to their neighbours' length. Smaller calls
         * only write sooner and report progress more often.
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Hears the run's progress; none by default. */
        public Builder listener(ProgressListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The pipeline.
         *
         * @throws dev.weft.core.InvalidInputException naming the option that is missing or out of range, or when the
         *     model's and the store's dimensions differ
         */
        public IngestionPipeline build() {
            Preconditions.check(source != null, "IngestionPipeline source(..) is required, such as DirectorySource.builder(root).build()");
            Preconditions.check(loaders != null, "IngestionPipeline loaders must not be null; DocumentLoaders.defaults() is the default");
            Preconditions.check(splitter != null, "IngestionPipeline splitter(..) is required, such as Splitter.recursive()...build()");
            Preconditions.check(embeddingModel != null, "IngestionPipeline embeddingModel(..) is required");
            Preconditions.check(store != null, "IngestionPipeline store(..) is required");
            Preconditions.check(batchSize >= 1, "IngestionPipeline batchSize must be >= 1, was " + batchSize);
            Preconditions.check(listener != null, "IngestionPipeline listener must not be null; ProgressListener.NONE hears nothing");
            Preconditions.check(embeddingModel.dimension() == store.dimension(), "IngestionPipeline embeddingModel "
                    + embeddingModel.info().id() + " gives vectors of dimension " + embeddingModel.dimension()
                    + " but the store holds vectors of dimension " + store.dimension());
            Builder copy = new Builder(this);
            copy.manifest = manifest == null ? IngestionManifest.inMemory() : manifest;
            return new IngestionPipeline(copy);
        }
    }
}
