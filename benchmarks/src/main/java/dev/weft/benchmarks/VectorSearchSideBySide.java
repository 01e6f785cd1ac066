package dev.weft.benchmarks;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.rag.lucene.LuceneStore;
import dev.weft.rag.lucene.Quantization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Vector search at scale, side by side in one JVM: Weft's {@link LuceneStore} (HNSW, default settings), raw Lucene
 * querying the very same index (to isolate Weft's overhead), and LangChain4j's {@code InMemoryEmbeddingStore}
 * (exact, brute force: its answers are the ground truth for recall). Prints one line per figure.
 *
 * <p>Run: {@code ./benchmarks/run VectorSearchSideBySide qqp100k} (the distinct questions of the labelled Quora
 * pairs, embedded once with all-MiniLM-L6-v2 and cached under {@code benchmarks/target/cache}) or
 * {@code ./benchmarks/run VectorSearchSideBySide synthetic1m} (one million clustered synthetic 384-d vectors). A
 * second argument picks the quantisations to run, e.g. {@code none} or {@code none,int8} (the default). Raw Lucene
 * searches with the same breadth as the store's default {@code efSearch}.
 */
public final class VectorSearchSideBySide {
    private static final int K = 10;

    private VectorSearchSideBySide() {}

    public static void main(String[] args) throws IOException {
        String dataset = args.length > 0 ? args[0] : "qqp100k";
        float[][] corpus;
        float[][] queries;
        int peerQueries;
        if (dataset.equals("synthetic1m")) {
            float[][] all = ClusteredVectors.generate(1_001_000, 384, 1_000, 0.9, 1); // queries: fresh draws, same clusters
            corpus = Arrays.copyOfRange(all, 0, 1_000_000);
            queries = Arrays.copyOfRange(all, 1_000_000, 1_001_000);
            peerQueries = 100;
        } else {
            corpus = QqpVectors.corpus();
            queries = QqpVectors.queries();
            peerQueries = queries.length;
        }
        int n = corpus.length;
        System.out.printf(Locale.ROOT, "# dataset=%s vectors=%d dimension=%d queries=%d k=%d Java %s%n", dataset, n,
                corpus[0].length, queries.length, K, Runtime.version());

        // The peer, exact: ground truth and its latency.
        long heapBefore = usedHeap();
        InMemoryEmbeddingStore<TextSegment> peer = new InMemoryEmbeddingStore<>();
        for (int i = 0; i < n; i++) {
            peer.add(Integer.toString(i), Embedding.from(corpus[i].clone())); // its own copy, as a real store holds
        }
        long peerHeap = usedHeap() - heapBefore;
        List<Set<String>> truth = new ArrayList<>();
        long[] peerNanos = new long[peerQueries];
        for (int q = 0; q < peerQueries; q++) {
            long t = System.nanoTime();
            List<EmbeddingMatch<TextSegment>> matches = peer.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(Embedding.from(queries[q])).maxResults(K).build()).matches();
            peerNanos[q] = System.nanoTime() - t;
            Set<String> ids = new HashSet<>();
            matches.forEach(m -> ids.add(m.embeddingId()));
            truth.add(ids);
        }
        peer = null;

        List<Quantization> quantizations = args.length > 1
                ? Stream.of(args[1].split(",")).map(q -> Quantization.valueOf(q.toUpperCase(Locale.ROOT))).toList()
                : List.of(Quantization.NONE, Quantization.INT8);
        for (Quantization quantization : quantizations) {
            Path dir = Files.createTempDirectory("weft-vss-" + quantization.name().toLowerCase(Locale.ROOT));
            long indexStart = System.nanoTime();
            try (LuceneStore store = LuceneStore.builder().path(dir).dimension(corpus[0].length).quantization(quantization).build()) {
                List<StoredChunk> batch = new ArrayList<>(10_000);
                for (int i = 0; i < n; i++) {
                    batch.add(new StoredChunk(Integer.toString(i), "", corpus[i], null));
                    if (batch.size() == 10_000 || i == n - 1) {
                        store.upsert(batch);
                        batch.clear();
                    }
                }
                store.commit();
            }
            double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            long diskBytes = directorySize(dir);
            String tag = quantization.name().toLowerCase(Locale.ROOT);
            System.out.printf(Locale.ROOT, "lucene.%s.index vectors_per_s=%.0f seconds=%.1f disk_bytes_per_vector=%.0f (raw float32 = %d)%n",
                    tag, n / indexSeconds, indexSeconds, (double) diskBytes / n, corpus[0].length * 4);

            heapBefore = usedHeap();
            try (LuceneStore store = LuceneStore.builder().path(dir).dimension(corpus[0].length).quantization(quantization).build();
                 FSDirectory raw = FSDirectory.open(dir);
                 DirectoryReader reader = DirectoryReader.open(raw)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                StoredFields fields = reader.storedFields();
                Function<float[], List<String>> weft = q -> store.search(VectorQuery.of(q, K)).stream()
                        .map(SearchHit::chunk).map(StoredChunk::id).toList();
                Function<float[], List<String>> lucene = q -> rawTopK(searcher, fields, q);
                for (int w = 0; w < Math.min(200, queries.length); w++) { // warm-up both paths
                    weft.apply(queries[w]);
                    lucene.apply(queries[w]);
                }
                long storeHeap = usedHeap() - heapBefore;
                long[] weftNanos = new long[queries.length];
                long[] luceneNanos = new long[queries.length];
                double recall = 0;
                for (int q = 0; q < queries.length; q++) {
                    // Alternate which side goes first: the second search of a query finds the graph and vectors
                    // it visits already in the CPU caches.
                    if (q % 2 == 1) {
                        long t = System.nanoTime();
                        lucene.apply(queries[q]);
                        luceneNanos[q] = System.nanoTime() - t;
                    }
                    long t = System.nanoTime();
                    List<String> ids = weft.apply(queries[q]);
                    weftNanos[q] = System.nanoTime() - t;
                    if (q % 2 == 0) {
                        t = System.nanoTime();
                        lucene.apply(queries[q]);
                        luceneNanos[q] = System.nanoTime() - t;
                    }
                    if (q < truth.size()) {
                        recall += ids.stream().filter(truth.get(q)::contains).count() / (double) K;
                    }
                }
                recall /= truth.size();
                Percentiles ws = new Percentiles(weftNanos);
                Percentiles ls = new Percentiles(luceneNanos);
                Percentiles ps = new Percentiles(peerNanos);
                double weftQps = 1e9 / mean(weftNanos);
                double peerQps = 1e9 / mean(peerNanos);
                System.out.printf(Locale.ROOT, "search.%s.recall@10 weft_lucene=%.4f (vs exact LangChain4j InMemoryEmbeddingStore, %d queries; target >= 0.95)%n",
                        tag, recall, truth.size());
                System.out.printf(Locale.ROOT, "search.%s.latency_us p50 weft=%.0f raw_lucene=%.0f langchain4j_inmemory=%.0f%n",
                        tag, ws.micros(50), ls.micros(50), ps.micros(50));
                System.out.printf(Locale.ROOT, "search.%s.latency_us p99 weft=%.0f raw_lucene=%.0f langchain4j_inmemory=%.0f%n",
                        tag, ws.micros(99), ls.micros(99), ps.micros(99));
                System.out.printf(Locale.ROOT, "search.%s.qps weft=%.0f langchain4j_inmemory=%.1f ratio=%.1f (target >= 20 at 100k)%n",
                        tag, weftQps, peerQps, weftQps / peerQps);
                System.out.printf(Locale.ROOT, "search.%s.overhead_vs_raw_lucene p50=%+.1f%% mean=%+.1f%% (target <= 10%%)%n",
                        tag, 100 * (ws.micros(50) / ls.micros(50) - 1), 100 * (mean(weftNanos) / mean(luceneNanos) - 1));
                System.out.printf(Locale.ROOT, "memory.%s.heap_bytes_per_vector weft_lucene=%.1f langchain4j_inmemory=%.1f%n",
                        tag, (double) storeHeap / n, (double) peerHeap / n);
            }
            deleteTree(dir);
        }
    }

    private static List<String> rawTopK(IndexSearcher searcher, StoredFields fields, float[] q) {
        try {
            // The same search breadth as LuceneStore's default, so that both walk the same graph as far.
            ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery("vector", q, Math.max(K, LuceneStore.DEFAULT_EF_SEARCH)), K).scoreDocs;
            List<String> ids = new ArrayList<>(docs.length);
            for (ScoreDoc d : docs) {
                ids.add(fields.document(d.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mean(long[] nanos) {
        double sum = 0;
        for (long x : nanos) {
            sum += x;
        }
        return sum / nanos.length;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
