package dev.weft.rag.lucene;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.internal.Preconditions;
import dev.weft.rag.internal.VectorCodec;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.FullTextSearch;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorStore} on one Lucene index: HNSW vectors, BM25 text and metadata filters, persistent on disk
 * ({@link FSDirectory}) or in memory. One Lucene document per chunk; the filter of a search runs inside it
 * (Lucene's filtered {@code KnnFloatVectorQuery}, a {@code FILTER} clause for BM25), so a filtered top-k returns k
 * hits whenever k chunks match. Full-text search is offered through {@link #fullText()}.
 *
 * <p><b>Scores</b> are core's: cosine in [-1, 1] or the raw dot product, recomputed in double precision from the
 * stored full-precision vector, so they equal {@code InMemoryVectorStore}'s for the same chunks; order is
 * descending score, then ascending id. The HNSW search is approximate unless {@link Builder#exactSearch(boolean)}
 * (Lucene itself switches to an exact scan when a filter leaves few candidates, and searches segments too small
 * for a graph exhaustively); it may also choose among chunks tied at the cut-off by index order rather than by id.
 * Hits carry the stored vector.
 *
 * <p><b>Visibility and durability.</b> Every write ({@link #upsert}, {@link #delete}, {@link #deleteWhere})
 * refreshes the near-real-time searcher before it returns, so any read that starts after a write returned sees it,
 * in this thread and every other; a read that overlaps a write sees it wholly or not at all (an upsert is one
 * atomic Lucene block). Writes become durable at {@link #commit()}, and at {@link #close()}, which commits; after a
 * crash the index reopens at its last commit. A batch that fails validation writes nothing.
 *
 * <p><b>Thread-safety.</b> Safe for any number of concurrent readers and writers (Lucene's {@code IndexWriter} and
 * {@code SearcherManager} are). {@link #close()} waits for running operations; later calls throw
 * {@link ResourceClosedException}. One store per directory: a second one on the same path fails with
 * {@link LuceneStoreException} while the first is open.
 *
 * <pre>{@code
 * try (LuceneStore store = LuceneStore.builder().path(Path.of("index")).dimension(384).build()) {
 *     store.upsert(chunks);
 *     store.commit();
 *     List<SearchHit> hits = store.search(VectorQuery.of(queryVector, 10, Filter.eq("lang", "en")));
 *     List<SearchHit> keyword = store.fullText().orElseThrow().search(new TextQuery("error 4471", 10, null));
 * }
 * }</pre>
 */
public final class LuceneStore implements VectorStore {
    /** The default {@link Builder#efSearch(int)}: how many neighbours the HNSW search collects at least. */
    public static final int DEFAULT_EF_SEARCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(LuceneStore.class);
    private static final String DIMENSION_KEY = "weft.dimension";
    private static final String SIMILARITY_KEY = "weft.similarity";

    private final String location;
    private final int dimension;
    private final Similarity similarity;
    private final Quantization quantization;
    private final Directory directory;
    private final Analyzer ownedAnalyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ChunkDocuments documents;
    private final VectorSearch vectorSearch;
    private final HitLoader loader;
    private final Bm25Search fullText;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private LuceneStore(Builder b) {
        this.location = b.path == null ? "an in-memory index" : "the index at " + b.path.toAbsolutePath();
        this.dimension = b.dimension;
        this.similarity = b.similarity;
        this.quantization = b.quantization;
        this.ownedAnalyzer = b.analyzer == null ? new EnglishAnalyzer() : null;
        Analyzer analyzer = b.analyzer == null ? ownedAnalyzer : b.analyzer;
        this.documents = new ChunkDocuments(luceneFunction(similarity));
        this.vectorSearch = new VectorSearch(similarity, dimension, b.exactSearch, b.effectiveOversample(), b.efSearch);
        this.loader = new HitLoader(dimension);
        this.fullText = new Bm25Search(this, analyzer, dimension);
        BM25Similarity bm25 = new BM25Similarity(b.k1, b.b);
        Directory dir = null;
        IndexWriter w = null;
        try {
            dir = b.path == null ? new ByteBuffersDirectory() : FSDirectory.open(b.path);
            checkExisting(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(VectorCodec.of(b.quantization, b.maxConn, b.beamWidth))
                    .setSimilarity(bm25)
                    .setCommitOnClose(true);
            w = new IndexWriter(dir, config);
            w.setLiveCommitData(Map.of(DIMENSION_KEY, Integer.toString(dimension), SIMILARITY_KEY, similarity.name()).entrySet());
            this.searchers = new SearcherManager(w, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new ChunkSearcher(reader);
                    searcher.setSimilarity(bm25);
                    return searcher;
                }
            });
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(w, dir, ownedAnalyzer);
            throw switch (e) {
                case LockObtainFailedException locked -> new LuceneStoreException(location
                        + " is locked by another writer (an open LuceneStore or IndexWriter); close that one first", locked);
                case IOException io -> new LuceneStoreException("could not open " + location + ": " + io, io);
                case RuntimeException r -> r;
                default -> new IllegalStateException(e);
            };
        }
        this.directory = dir;
        this.writer = w;
        LOG.debug("opened {} ({} dimensions, {}, quantization {})", location, dimension, similarity, quantization);
    }

    /** A builder; {@link Builder#dimension(int)} and one of {@link Builder#path(Path)} or {@link Builder#inMemory()} are required. */
    public static Builder builder() {
        return new Builder();
    }

    private static VectorSimilarityFunction luceneFunction(Similarity similarity) {
        return switch (similarity) {
            case COSINE -> VectorSimilarityFunction.COSINE;
            case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT; // any vectors, not only unit ones
        };
    }

    /** Refuses to open an existing index written with another dimension or similarity, or not by a LuceneStore. */
    private void checkExisting(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
        String storedDimension = data.get(DIMENSION_KEY);
        String storedSimilarity = data.get(SIMILARITY_KEY);
        if (storedDimension == null || storedSimilarity == null) {
            throw new LuceneStoreException(location + " was not written by a LuceneStore (its commit lacks "
                    + DIMENSION_KEY + " and " + SIMILARITY_KEY + "); use an empty directory");
        }
        if (!storedDimension.equals(Integer.toString(dimension)) || !storedSimilarity.equals(similarity.name())) {
            throw new InvalidInputException(location + " holds vectors of dimension " + storedDimension + " compared by "
                    + storedSimilarity + ", but the builder asked for dimension " + dimension + " and " + similarity
                    + "; build with the index's settings or use another directory");
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** How this store compares vectors. */
    public Similarity similarity() {
        return similarity;
    }

    /** How the HNSW graph encodes vectors in segments written by this store. */
    public Quantization quantization() {
        return quantization;
    }

    @Override
    public void upsert(List<StoredChunk> chunks) {
        List<StoredChunk> batch = Preconditions.immutableList(chunks, "chunks");
        Set<String> ids = new HashSet<>();
        List<BytesRef> terms = new ArrayList<>(batch.size());
        for (StoredChunk c : batch) {
            if (!ids.add(c.id())) {
                throw new InvalidInputException("chunk id '" + c.id() + "' appears twice in one upsert");
            }
            checkVector(c.vector(), "chunk '" + c.id() + "'");
            checkTermLength(c.id(), "the id of chunk '" + abbreviate(c.id()) + "'");
            c.metadata().asMap().forEach((key, value) -> {
                if (value instanceof String s) {
                    checkTermLength(s, "metadata value of '" + key + "' in chunk '" + c.id() + "'");
                }
            });
            terms.add(new BytesRef(c.id()));
        }
        List<Document> docs = batch.stream().map(documents::toDocument).toList();
        write(() -> {
            if (!docs.isEmpty()) {
                // One atomic block: readers see the whole batch replace its ids, or none of it.
                writer.updateDocuments(new TermInSetQuery(ChunkDocuments.ID, terms), docs);
            }
        });
    }

    @Override
    public void delete(Collection<String> ids) {
        Preconditions.notNull(ids, "ids");
        List<Term> terms = new ArrayList<>(ids.size());
        for (String id : ids) {
            terms.add(new Term(ChunkDocuments.ID, Preconditions.notNull(id, "an id to delete")));
        }
        write(() -> {
            if (!terms.isEmpty()) {
                writer.deleteDocuments(terms.toArray(Term[]::new));
            }
        });
    }

    @Override
    public void deleteWhere(Filter filter) {
        Preconditions.notNull(filter, "filter");
        write(() -> writer.deleteDocuments(FilterQueries.toQuery(filter)));
    }

    @Override
    public Optional<StoredChunk> get(String id) {
        Preconditions.notNull(id, "id");
        return read(searcher -> {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ChunkDocuments.ID, id)), 1).scoreDocs;
            return hits.length == 0 ? Optional.empty() : Optional.of(loader.load(searcher, new int[] {hits[0].doc}).getFirst());
        });
    }

    @Override
    public long size() {
        return read(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public List<SearchHit> search(VectorQuery query) {
        Preconditions.notNull(query, "query");
        checkVector(query.vector(), "query vector");
        return read(searcher -> vectorSearch.search(searcher, query));
    }

    /** BM25 search over the chunks' text; always present. */
    @Override
    public Optional<FullTextSearch> fullText() {
        return Optional.of(fullText);
    }

    /** Makes every write so far durable: after a crash the index reopens with them. */
    @Override
    public void commit() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            writer.commit();
        } catch (IOException e) {
            throw new LuceneStoreException("could not commit " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Commits, then releases the index; waits for running operations. Closing twice is harmless. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOUtils.close(searchers, writer, directory, ownedAnalyzer);
            LOG.debug("closed {}", location);
        } catch (IOException e) {
            throw new LuceneStoreException("could not close " + location + " cleanly: " + e, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Runs {@code body} on a current searcher, mapping Lucene's failures to Weft's exceptions. */
    <T> T read(IOFunction<IndexSearcher, T> body) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            IndexSearcher searcher = searchers.acquire();
            try {
                return body.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new LuceneStoreException("could not read " + location + ": " + e, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void write(IndexWrite body) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            body.run();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new LuceneStoreException("could not write to " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private LuceneStoreException writerFailed(AlreadyClosedException e) {
        Throwable tragedy = writer.getTragicException();
        return new LuceneStoreException("the index writer of " + location + " was closed by an earlier failure ("
                + tragedy + "); close this store and reopen it to continue from the last commit", tragedy == null ? e : tragedy);
    }

    private void checkVector(float[] vector, String what) {
        if (vector.length != dimension) {
            throw new InvalidInputException(what + " has dimension " + vector.length
                    + " but this store holds vectors of dimension " + dimension);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new InvalidInputException(what + " has a non-finite component " + vector[i] + " at index " + i);
            }
        }
    }

    private static void checkTermLength(String value, String what) {
        int bytes = new BytesRef(value).length;
        if (bytes > MetadataFields.MAX_TERM_BYTES) {
            throw new InvalidInputException(what + " is " + bytes + " bytes in UTF-8; Lucene indexes at most "
                    + MetadataFields.MAX_TERM_BYTES + " bytes per term");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedException("this LuceneStore (" + location + ") is closed");
        }
    }

    @Override
    public String toString() {
        return "LuceneStore[" + location + ", dimension=" + dimension + ", " + similarity + ", quantization=" + quantization + "]";
    }

    /** A write to the index writer. */
    @FunctionalInterface
    private interface IndexWrite {
        void run() throws IOException;
    }

    /**
     * Builds a {@link LuceneStore}. Required: {@link #dimension(int)} and where the index lives, {@link #path(Path)}
     * or {@link #inMemory()}. Not thread-safe.
     */
    public static final class Builder {
        private Path path;
        private boolean inMemory;
        private int dimension;
        private Similarity similarity = Similarity.COSINE;
        private Analyzer analyzer;
        private int maxConn = VectorCodec.DEFAULT_MAX_CONN;
        private int beamWidth = VectorCodec.DEFAULT_BEAM_WIDTH;
        private Quantization quantization = Quantization.NONE;
        private float k1 = 1.2f;
        private float b = 0.75f;
        private boolean exactSearch;
        private Double oversample;
        private int efSearch = DEFAULT_EF_SEARCH;

        private Builder() {}

        /** Keep the index in this directory (created if missing; an existing index is reopened). */
        public Builder path(Path path) {
            this.path = path;
            return this;
        }

        /** Keep the index in memory (Lucene's {@code ByteBuffersDirectory}); it is gone when the store closes. */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        /** The vectors' length; required, 1 to 1024 (the limit of Lucene's HNSW formats). */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** How vectors are compared; {@link Similarity#COSINE} by default. Fixed for the life of an index. */
        public Builder similarity(Similarity similarity) {
            this.similarity = similarity;
            return this;
        }

        /**
         * The analyzer for chunk text and full-text queries; Lucene's {@code EnglishAnalyzer} (stop words, Porter
         * stemming) by default. A caller's analyzer stays the caller's to close. Reopen an index with the analyzer
         * that wrote it.
         */
        public Builder analyzer(Analyzer analyzer) {
            this.analyzer = analyzer;
            return this;
        }

        /**
         * The HNSW graph's parameters: {@code maxConn} neighbours per node (1 to 512, default 16) and the
         * {@code beamWidth} of candidates kept while inserting (1 to 3200, default 100).
         */
        public Builder hnsw(int maxConn, int beamWidth) {
            this.maxConn = maxConn;
            this.beamWidth = beamWidth;
            return this;
        }

        /** How the graph's vectors are encoded; {@link Quantization#NONE} by default. */
        public Builder quantization(Quantization quantization) {
            this.quantization = quantization;
            return this;
        }

        /**
         * BM25's term-frequency saturation {@code k1} (>= 0) and length normalisation {@code b} (0 to 1); Lucene's
         * 1.2 and 0.75 by default.
         */
        public Builder bm25(float k1, float b) {
            this.k1 = k1;
            this.b = b;
            return this;
        }

        /**
         * Whether vector search scans every matching chunk instead of walking the HNSW graph: exact results, in
         * time linear in the matches. For small stores, evaluation baselines and tests. Off by default.
         */
        public Builder exactSearch(boolean exactSearch) {
            this.exactSearch = exactSearch;
            return this;
        }

        /**
         * How many more candidates than {@code topK} the HNSW search collects before all are rescored at full
         * precision and the best {@code topK} kept: {@code ceil(topK * factor)}, factor >= 1. Raising it trades
         * speed for recall; it matters most for quantised graphs, whose own distances are approximate. Default 1
         * without quantisation, 2 with it.
         */
        public Builder oversample(double factor) {
            this.oversample = factor;
            return this;
        }

        /**
         * How many nearest neighbours the HNSW search collects at least (the size of its result queue, "ef" in the
         * HNSW paper), of which the best {@code ceil(topK * oversample)} are rescored: {@code max(efSearch,
         * ceil(topK * oversample))}. The graph search stops early when its queue is as small as {@code topK}, which
         * loses true neighbours on large or hard collections; a wider queue finds them at a cost that grows slowly.
         * Default {@value LuceneStore#DEFAULT_EF_SEARCH} (as OpenSearch's and Qdrant's HNSW searches); 1 to 10,000.
         */
        public Builder efSearch(int efSearch) {
            this.efSearch = efSearch;
            return this;
        }

        private double effectiveOversample() {
            return oversample != null ? oversample : quantization == Quantization.NONE ? 1.0 : 2.0;
        }

        /**
         * Opens the store.
         *
         * @throws InvalidInputException naming the first bad option, or if an existing index has another dimension
         *     or similarity
         * @throws LuceneStoreException if the directory cannot be opened or is locked by another writer
         */
        public LuceneStore build() {
            Preconditions.check(path != null ^ inMemory,
                    "LuceneStore.builder() needs exactly one of path(..) and inMemory(); got " + (inMemory ? "both" : "neither"));
            VectorCodec.checkGraph("LuceneStore.builder()", dimension, maxConn, beamWidth);
            Preconditions.notNull(similarity, "LuceneStore.builder().similarity(..)");
            Preconditions.notNull(quantization, "LuceneStore.builder().quantization(..)");
            Preconditions.check(Float.isFinite(k1) && k1 >= 0, "LuceneStore.builder().bm25(k1, ..) must be finite and >= 0, was " + k1);
            Preconditions.check(b >= 0 && b <= 1, "LuceneStore.builder().bm25(.., b) must be 0 to 1, was " + b);
            Preconditions.check(oversample == null || (oversample >= 1 && oversample <= 100),
                    "LuceneStore.builder().oversample(..) must be 1 to 100, was " + oversample);
            Preconditions.check(efSearch >= 1 && efSearch <= 10_000,
                    "LuceneStore.builder().efSearch(..) must be 1 to 10000, was " + efSearch);
            return new LuceneStore(this);
        }
    }
}
