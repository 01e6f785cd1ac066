package dev.weft.benchmarks;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.weft.eval.dataset.BeirDataset;
import dev.weft.eval.dataset.BeirDocument;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import dev.weft.rag.ingest.IngestionManifest;
import dev.weft.rag.ingest.IngestionPipeline;
import dev.weft.rag.ingest.IngestionReport;
import dev.weft.rag.ingest.SourceEntry;
import dev.weft.rag.ingest.Splitter;
import dev.weft.rag.lucene.LuceneStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ingestion throughput on the BEIR SciFact corpus (5,183 abstracts), side by side: Weft's {@link IngestionPipeline}
 * (recursive splitter sized in MiniLM word pieces, batched MiniLM embedding, persistent {@link LuceneStore},
 * committed) against LangChain4j's {@code EmbeddingStoreIngestor} (its recursive splitter at 1,000 characters with
 * 100 of overlap, its in-process MiniLM, its in-memory store), with the same thread budget.
 *
 * <p>The chunks are not alike unless we make them so: LangChain4j's MiniLM jar truncates every text at 128 word
 * pieces, so most of its 1,000-character segments are embedded only in part, while Weft embeds whole 254-piece
 * chunks (the model's 256 minus [CLS] and [SEP]). The harness therefore also runs Weft at 126-piece chunks — the
 * most LangChain4j ever embeds — and prints how many of LangChain4j's segments were cut. Prints one line per figure.
 *
 * <p>Run: {@code ./benchmarks/run SciFactIngestion [--docs N] [--pieces 126|254] [--window CHUNKS_PER_EMBEDDING_CALL]
 * [--weft-only]}
 */
public final class SciFactIngestion {
    private SciFactIngestion() {}

    private record Config(BundledModel model, int chunkSize, int overlap) {}

    public static void main(String[] args) throws IOException {
        List<BeirDocument> docs = BeirDataset.load(SharedData.root().resolve("beir-scifact"), "test").corpus().readAll();
        Integer onlyPieces = null; // only the Weft runs with chunks of this many word pieces, if given
        Integer window = null; // chunks per embedding call; the pipeline's default unless --window says
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--docs")) {
                docs = docs.subList(0, Math.min(docs.size(), Integer.parseInt(args[i + 1])));
            } else if (args[i].equals("--pieces")) {
                onlyPieces = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--window")) {
                window = Integer.parseInt(args[i + 1]);
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "# SciFact corpus: %d documents, %d threads, Java %s%n", docs.size(), threads, Runtime.version());

        List<Config> configs = List.of(new Config(BundledModel.ALL_MINILM_L6_V2, 254, 32),
                new Config(BundledModel.ALL_MINILM_L6_V2, 126, 16), new Config(BundledModel.ALL_MINILM_L6_V2_Q, 254, 32));
        for (Config config : configs) {
            if (onlyPieces != null && config.chunkSize() != onlyPieces) {
                continue;
            }
            List<BeirDocument> corpus = docs;
            Path dir = Files.createTempDirectory("weft-ingest");
            try (OnnxEmbeddingModel embedder = OnnxEmbeddingModel.builder().bundled(config.model()).intraOpThreads(threads).build();
                 LuceneStore store = LuceneStore.builder().path(dir).dimension(embedder.dimension()).build()) {
                IngestionPipeline.Builder pipeline = IngestionPipeline.builder()
                        .source(() -> corpus.stream().map(SciFactIngestion::entry).toList())
                        .splitter(Splitter.recursive().tokenCounter(embedder.tokenCounter())
                                .chunkSize(config.chunkSize()).overlap(config.overlap()).build())
                        .embeddingModel(embedder)
                        .store(store)
                        .manifest(IngestionManifest.inMemory());
                if (window != null) {
                    pipeline.batchSize(window);
                }
                IngestionReport r = pipeline.build().run();
                double s = r.elapsed().toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "ingest.weft model=%s chunk_pieces=%d window=%s documents=%d chunks=%d tokens=%d seconds=%.1f chunks_per_s=%.1f docs_per_s=%.1f tokens_per_s=%.0f failures=%d%n",
                        config.model().id(), config.chunkSize(), window == null ? "default" : window, r.documents(), r.chunks(), r.tokens(), s, r.chunks() / s,
                        r.documents() / s, r.tokens() / s, r.failures().size());
            }
        }

        if (List.of(args).contains("--weft-only")) {
            return;
        }
        List<Document> lc4jDocs = docs.stream().map(d -> Document.from(d.titleAndText())).toList();
        DocumentSplitter splitter = DocumentSplitters.recursive(1000, 100);
        int segments = 0;
        int cut = 0;
        long pieces = 0;
        try (OnnxEmbeddingModel counter = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2).build()) {
            for (Document d : lc4jDocs) {
                for (TextSegment segment : splitter.split(d)) {
                    int n = counter.tokenCounter().count(segment.text());
                    segments++;
                    pieces += n;
                    cut += n > 126 ? 1 : 0;
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                    .documentSplitter(splitter)
                    .embeddingModel(new AllMiniLmL6V2EmbeddingModel(pool))
                    .embeddingStore(store)
                    .build();
            long start = System.nanoTime();
            ingestor.ingest(lc4jDocs);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "ingest.langchain4j model=all-minilm-l6-v2 chunk_chars=1000 documents=%d chunks=%d seconds=%.1f chunks_per_s=%.1f docs_per_s=%.1f%n",
                    lc4jDocs.size(), segments, s, segments / s, lc4jDocs.size() / s);
            System.out.printf(Locale.ROOT, "ingest.langchain4j.truncated segments_over_128_pieces=%d of %d (%.1f%%), word_pieces_in_segments=%d%n",
                    cut, segments, 100.0 * cut / segments, pieces);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SourceEntry entry(BeirDocument d) {
        byte[] bytes = d.titleAndText().getBytes(StandardCharsets.UTF_8);
        return new SourceEntry() {
            @Override
            public String id() {
                return d.id() + ".txt";
            }

            @Override
            public String location() {
                return "scifact:" + d.id();
            }

            @Override
            public Optional<String> mediaType() {
                return Optional.of("text/plain");
            }

            @Override
            public byte[] read() {
                return bytes;
            }
        };
    }
}
