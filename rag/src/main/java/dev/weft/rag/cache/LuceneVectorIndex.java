package dev.weft.rag.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.cache.VectorIndex;
import dev.weft.core.internal.Preconditions;
import dev.weft.rag.internal.VectorCodec;
import dev.weft.rag.lucene.Quantization;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
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
 * A {@link VectorIndex} on Lucene's HNSW graph, for semantic caches too large for an exact scan: one Lucene document
 * per entry (id, partition, unit vector), in memory or on disk. Partitions share one graph until they grow: a
 * lookup there filters on its partition inside the vector search ({@code KnnFloatVectorQuery} with a term filter),
 * so it never returns another partition's entries and still finds {@code k} of its own whenever the partition holds
 * {@code k}. The filter has a price: the graph search steps over other partitions' entries (a lookup in one of 8
 * equal partitions of 100,000 entries took about 6 times as long as in a single partition of them all). So a
 * partition's entries beyond {@link Builder#ownGraphThreshold(int)} (default 1,000) go into a graph of its own, which a
 * lookup searches without a filter, as if the partition were alone; its first entries stay in the shared graph and
 * are scanned exactly. Every lookup searches both, so where an entry sits never changes what is found.
 *
 * <p><b>Similarity.</b> Vectors are normalised to unit length on the way in (scaling does not change a cosine; an
 * all-zero vector has none and is refused) and compared by dot product, which is then the cosine. Similarities
 * are Lucene's float scores mapped back to [-1, 1], within about 1e-6 of the exact cosine. Results are most similar
 * first, ties by id (entries tied at the cut-off of {@code k} may be chosen in index order).
 *
 * <p><b>Exactness.</b> A partition held in at most {@link Builder#exactSearchThreshold(int)} documents (default
 * 1,000) is scanned exactly. A larger one is searched on its graphs with a beam of {@link Builder#candidates(int)}
 * (default 32, shared out among segments by their size) so that even {@code k = 1} gets a wide enough beam; such a
 * lookup is approximate and may, rarely, miss the true nearest entry. In the shared graph, Lucene itself also scans
 * exactly when the partition's filter leaves few candidates in a segment.
 *
 * <p><b>Visibility.</b> A write ({@link #put}, {@link #remove}) only hands the change to Lucene's index writer; the
 * searcher is reopened lazily, by the next lookup that needs it, so a burst of writes costs one reopen. A lookup
 * (and {@link #size()}) sees
 * <ul>
 *   <li>every write the <em>same thread</em> completed before it, always;</li>
 *   <li>every write any thread completed at least {@link Builder#maxStaleness(Duration)} before the lookup began;
 *       with the default of zero, every write completed before it began, whichever thread made it.</li>
 * </ul>
 * A reopen costs milliseconds (it writes the pending entries as a small segment); a positive bound lets a
 * write-heavy cache reopen at most about once per bound for other threads' writes, which then reach other
 * threads' lookups (as hits, or as removals) up to that much later. Code that hops threads between a put and the
 * lookup that must see it (asynchronous pipelines) should keep the default.
 *
 * <p><b>Where it lives.</b> In memory ({@link Builder#inMemory()}) the entries are gone at {@link #close()}. On
 * disk ({@link Builder#path(Path)}) they become durable at {@link #commit()} and at {@link #close()}, which commits;
 * reopening the directory brings them back. On disk is also the faster choice for a large cache: Lucene scores
 * vectors straight from memory-mapped files, about twice as fast as from {@code ByteBuffersDirectory}. Lucene keeps
 * an index in several segments, each with its own graphs, and a lookup searches them all. A cache filled by its
 * traffic (lookups between the puts) stays in a few large segments, as Lucene merges the small ones it flushes; right
 * after a bulk load of 100,000 entries without lookups it is in about six, and a lookup takes one and a half to
 * three times as long as on one merged segment: call {@link #forceMerge()} after a bulk load.
 *
 * <p><b>Thread-safety.</b> Safe for any number of concurrent writers and readers. {@link #close()} waits for running
 * operations and is harmless to repeat; later calls throw {@link ResourceClosedException}. Wrong dimensions and other
 * bad arguments throw {@link InvalidInputException}; Lucene's I/O failures {@link LuceneVectorIndexException}.
 *
 * <pre>{@code
 * try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(Path.of("cache-index")).dimension(384).build()) {
 *     index.put("tenant-a", "entry-1", embedding);
 *     List<VectorIndex.Neighbor> nearest = index.nearest("tenant-a", queryEmbedding, 1);
 * }
 * }</pre>
 */
public final class LuceneVectorIndex implements VectorIndex {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneVectorIndex.class);
    private static final String KIND_KEY = "weft.index";
    private static final String KIND = "vector-index";
    private static final String DIMENSION_KEY = "weft.dimension";

    private final String location;
    private final int dimension;
    private final UnitVectors vectors;
    private final PartitionGraphs graphs;
    private final PartitionSearch search;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LazyRefresh refresh;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private LuceneVectorIndex(Builder b) {
        this.location = b.path == null ? "an in-memory vector index" : "the vector index at " + b.path.toAbsolutePath();
        this.dimension = b.dimension;
        this.vectors = new UnitVectors(dimension);
        this.graphs = new PartitionGraphs(b.ownGraphThreshold);
        this.search = new PartitionSearch(b.candidates, b.exactSearchThreshold, graphs);
        Directory dir = null;
        IndexWriter w = null;
        SearcherManager s;
        try {
            dir = b.path == null ? new ByteBuffersDirectory() : FSDirectory.open(b.path);
            checkExisting(dir);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(VectorCodec.of(Quantization.NONE, b.maxConn, b.beamWidth))
                    .setCommitOnClose(true)
                    // A reopen must not wait for merges: the lookup that needs it is a cache's request path.
                    // (Lucene's default lets a reopen wait up to 500 ms to merge the small segments it flushed.)
                    .setMaxFullFlushMergeWaitMillis(0);
            w = new IndexWriter(dir, config);
            w.setLiveCommitData(Map.of(KIND_KEY, KIND, DIMENSION_KEY, Integer.toString(dimension)).entrySet());
            s = new SearcherManager(w, null); // applies deletes on every reopen: a removed entry is gone when seen
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(w, dir);
            throw switch (e) {
                case LockObtainFailedException locked -> new LuceneVectorIndexException(location
                        + " is locked by another writer (an open LuceneVectorIndex or IndexWriter); close that one first", locked);
                case IOException io -> new LuceneVectorIndexException("could not open " + location + ": " + io, io);
                case RuntimeException r -> r;
                default -> new IllegalStateException(e);
            };
        }
        this.directory = dir;
        this.writer = w;
        this.searchers = s;
        this.refresh = new LazyRefresh(searchers::maybeRefreshBlocking, b.ticker, saturatedNanos(b.maxStaleness));
        LOG.debug("opened {} ({} dimensions, maxConn {}, beamWidth {})", location, dimension, b.maxConn, b.beamWidth);
    }

    /** A builder; {@link Builder#dimension(int)} and one of {@link Builder#path(Path)} or {@link Builder#inMemory()} are required. */
    public static Builder builder() {
        return new Builder();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** Refuses a directory holding an index of another dimension, or one a {@code LuceneVectorIndex} did not write. */
    private void checkExisting(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
        if (!KIND.equals(data.get(KIND_KEY))) {
            throw new LuceneVectorIndexException(location + " holds a Lucene index that a LuceneVectorIndex did not write; "
                    + "use an empty directory");
        }
        if (!Integer.toString(dimension).equals(data.get(DIMENSION_KEY))) {
            throw new InvalidInputException(location + " holds vectors of dimension " + data.get(DIMENSION_KEY)
                    + " but the builder asked for dimension " + dimension + "; build with the index's dimension or use another directory");
        }
    }

    /** The length of the vectors this index holds. */
    public int dimension() {
        return dimension;
    }

    /**
     * Adds or replaces the entry {@code id}: an id names one entry across all partitions, so putting it into another
     * partition moves it.
     *
     * @throws InvalidInputException if {@code vector} has another dimension, a non-finite component or is all zeros,
     *     or an argument is null or longer than Lucene's 32,766-byte term limit
     */
    @Override
    public void put(String partition, String id, float[] vector) {
        checkTerm(partition, "partition");
        checkTerm(id, "id");
        float[] unit = vectors.normalizedCopy(vector, "the vector of entry '" + abbreviate(id) + "'");
        write(() -> writer.updateDocument(EntryDocuments.idTerm(id), graphs.nextGoesToOwnGraph(partition, this::sharedDocuments)
                ? EntryDocuments.toOwnGraphDocument(EntryDocuments.ownGraphField(partition), id, unit)
                : EntryDocuments.toDocument(partition, id, unit)));
    }

    /** The partition's documents in the shared graph, as the current searcher shows them (no refresh). */
    private int sharedDocuments(String partition) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().docFreq(EntryDocuments.partitionTerm(partition));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void remove(String id) {
        checkTerm(id, "id");
        write(() -> writer.deleteDocuments(EntryDocuments.idTerm(id)));
    }

    /**
     * The entries of {@code partition} nearest to {@code vector}, most similar first; empty if the partition holds
     * none.
     *
     * @throws InvalidInputException if {@code vector} has another dimension, a non-finite component or is all zeros,
     *     {@code k < 1}, or {@code partition} is null
     */
    @Override
    public List<Neighbor> nearest(String partition, float[] vector, int k) {
        Preconditions.notNull(partition, "partition");
        Preconditions.check(k >= 1, "k must be at least 1, was " + k);
        float[] unit = vectors.normalizedCopy(vector, "the query vector");
        return read(searcher -> search.nearest(searcher, partition, unit, k));
    }

    /** How many entries the index holds, as a lookup on this thread would see them (see the class comment). */
    @Override
    public int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Makes every write so far durable; for an index on disk, which reopens with them after a crash. */
    public void commit() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            writer.commit();
        } catch (IOException e) {
            throw new LuceneVectorIndexException("could not commit " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Merges the index into one segment, in the calling thread, and makes the result visible. Lucene keeps an index
     * in several segments, each with its own HNSW graph, and a lookup searches every one; as one graph, a large
     * index answers several times faster (see {@code benchmarks/README.md}). The merge costs about as much as
     * inserting the entries of every segment but the largest into its graph: seconds to tens of seconds per
     * 100,000 entries. Worth it after loading many entries, or in a quiet period; lookups and writes continue
     * meanwhile.
     */
    public void forceMerge() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            writer.forceMerge(1);
            refresh.written(); // the merged view is a change this thread must see
        } catch (IOException e) {
            throw new LuceneVectorIndexException("could not merge " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Commits (on disk), then releases the index; waits for running operations. Closing twice is harmless. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOUtils.close(searchers, writer, directory);
            LOG.debug("closed {}", location);
        } catch (IOException e) {
            throw new LuceneVectorIndexException("could not close " + location + " cleanly: " + e, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private <T> T read(IOFunction<IndexSearcher, T> body) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            refresh.beforeRead();
            IndexSearcher searcher = searchers.acquire();
            try {
                return body.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new LuceneVectorIndexException("could not read " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void write(IndexWrite body) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            body.run();
            refresh.written();
        } catch (IOException e) {
            throw new LuceneVectorIndexException("could not write to " + location + ": " + e, e);
        } catch (AlreadyClosedException e) {
            throw writerFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private LuceneVectorIndexException writerFailed(AlreadyClosedException e) {
        Throwable tragedy = writer.getTragicException();
        return new LuceneVectorIndexException("the index writer of " + location + " was closed by an earlier failure ("
                + tragedy + "); close this index and reopen it", tragedy == null ? e : tragedy);
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedException("this LuceneVectorIndex (" + location + ") is closed");
        }
    }

    private static void checkTerm(String value, String name) {
        Preconditions.notNull(value, name);
        int bytes = new BytesRef(value).length;
        if (bytes > IndexWriter.MAX_TERM_LENGTH) {
            throw new InvalidInputException(name + " '" + abbreviate(value) + "' is " + bytes
                    + " bytes in UTF-8; Lucene indexes at most " + IndexWriter.MAX_TERM_LENGTH + " bytes per term");
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return "LuceneVectorIndex[" + location + ", dimension=" + dimension + "]";
    }

    /** A write to the index writer. */
    @FunctionalInterface
    private interface IndexWrite {
        void run() throws IOException;
    }

    /**
     * Builds a {@link LuceneVectorIndex}. Required: {@link #dimension(int)} and where the index lives,
     * {@link #path(Path)} or {@link #inMemory()}. Not thread-safe.
     */
    public static final class Builder {
        private Path path;
        private boolean inMemory;
        private int dimension;
        private int maxConn = VectorCodec.DEFAULT_MAX_CONN;
        private int beamWidth = VectorCodec.DEFAULT_BEAM_WIDTH;
        private int candidates = 32;
        private int exactSearchThreshold = 1_000;
        private int ownGraphThreshold = 1_000;
        private Duration maxStaleness = Duration.ZERO;
        private Ticker ticker = Ticker.systemTicker();

        private Builder() {}

        /** The vectors' length; required, 1 to 1024 (the limit of Lucene's HNSW format). */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /**
         * Keep the index in memory (Lucene's {@code ByteBuffersDirectory}); it is gone at {@link #close()}. Lookups
         * are about half as fast as on disk, where Lucene scores vectors straight from memory-mapped files.
         */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        /**
         * Keep the index in this directory (created if missing; an index a {@code LuceneVectorIndex} wrote is
         * reopened). Memory-mapped: once the operating system has the files in its page cache, lookups are about
         * twice as fast as {@link #inMemory()}.
         */
        public Builder path(Path path) {
            this.path = path;
            return this;
        }

        /**
         * The HNSW graph's parameters: {@code maxConn} neighbours per node (1 to 512, default 16) and the
         * {@code beamWidth} of candidates kept while inserting (1 to 3200, default 100). Larger values give better
         * recall for slower writes and a larger graph.
         */
        public Builder hnsw(int maxConn, int beamWidth) {
            this.maxConn = maxConn;
            this.beamWidth = beamWidth;
            return this;
        }

        /**
         * How many neighbours a graph search collects at least (its beam, {@code efSearch} elsewhere) before the best
         * {@code k} are kept; 1 to 10,000, default 32. Higher finds the true nearest entry more often, more slowly.
         * This is the beam on one merged graph; an index in several segments searches each segment's graph with a
         * beam scaled to it, {@code candidates * sqrt(its share of the partition's vectors)} and at least {@code k},
         * so that a fragmented index costs about what a merged one does for about the same recall. On 100,000 MiniLM
         * vectors, 32 found the exact nearest entry for 96.5% of lookups on one merged graph and 97.1% on six
         * segments (99.8% of those whose nearest entry is at cosine 0.8 or more, where a cache threshold lives,
         * either way); 64 gave 98.8% on one graph at about 1.5 times the lookup time.
         */
        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        /**
         * The partition size, in Lucene documents, up to which a lookup scans the partition exactly instead of
         * searching the graph; 0 to 1,000,000, default 1,000. The count includes replaced and removed entries that
         * Lucene has not merged away yet.
         */
        public Builder exactSearchThreshold(int documents) {
            this.exactSearchThreshold = documents;
            return this;
        }

        /**
         * How many entries of one partition go into the graph all partitions share before the partition's further
         * entries go into a graph of its own; 0 to {@link Integer#MAX_VALUE}, default 1,000. A lookup in the shared
         * graph filters on its partition and steps over other partitions' entries, which grows costly when a large
         * partition shares the index with others (a lookup in one of 8 partitions of 12,500 entries took several
         * times as long as in one partition of 100,000); in its own graph a partition is searched as if alone.
         * Every own graph is a vector field in Lucene's segments, so thousands of them cost memory and merge time:
         * hence a threshold, under which a partition is cheaper scanned exactly anyway
         * ({@link #exactSearchThreshold(int)}). {@link Integer#MAX_VALUE} keeps every entry in the shared graph; 0
         * gives every partition its own graph from its first entry. Lookups search both graphs, so changing this
         * for an existing index loses nothing.
         */
        public Builder ownGraphThreshold(int entries) {
            this.ownGraphThreshold = entries;
            return this;
        }

        /**
         * How long another thread's write may stay invisible to lookups; default zero (every write completed before
         * a lookup began is visible to it). A thread always sees its own writes. A positive bound lets a write-heavy
         * cache reopen its searcher at most about once per bound for other threads' writes.
         */
        public Builder maxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
            return this;
        }

        /** Where {@link #maxStaleness(Duration)} reads time; default {@link Ticker#systemTicker()}. For tests. */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /**
         * Opens the index.
         *
         * @throws InvalidInputException naming the first bad option, or if the directory holds vectors of another
         *     dimension
         * @throws LuceneVectorIndexException if the directory cannot be opened, is locked by another writer or holds
         *     an index a {@code LuceneVectorIndex} did not write
         */
        public LuceneVectorIndex build() {
            Preconditions.check(path != null ^ inMemory, "LuceneVectorIndex.builder() needs exactly one of path(..) and inMemory(); got "
                    + (inMemory ? "both" : "neither"));
            VectorCodec.checkGraph("LuceneVectorIndex.builder()", dimension, maxConn, beamWidth);
            Preconditions.check(candidates >= 1 && candidates <= 10_000,
                    "LuceneVectorIndex.builder().candidates(..) must be 1 to 10000, was " + candidates);
            Preconditions.check(exactSearchThreshold >= 0 && exactSearchThreshold <= 1_000_000,
                    "LuceneVectorIndex.builder().exactSearchThreshold(..) must be 0 to 1000000, was " + exactSearchThreshold);
            Preconditions.check(ownGraphThreshold >= 0,
                    "LuceneVectorIndex.builder().ownGraphThreshold(..) must not be negative, was " + ownGraphThreshold);
            Preconditions.notNull(maxStaleness, "LuceneVectorIndex.builder().maxStaleness(..)");
            Preconditions.check(!maxStaleness.isNegative(),
                    "LuceneVectorIndex.builder().maxStaleness(..) must not be negative, was " + maxStaleness);
            Preconditions.notNull(ticker, "LuceneVectorIndex.builder().ticker(..)");
            return new LuceneVectorIndex(this);
        }
    }
}
