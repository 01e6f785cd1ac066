package dev.weft.benchmarks;

import dev.langchain4j.data.document.Document;
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
 * (recursive splitter at 256 MiniLM word pieces with 32 of overlap, batched MiniLM embedding, persistent
 * {@link LuceneStore}, committed) against LangChain4j's {@code EmbeddingStoreIngestor} (its recursive splitter at
 * 1,000 characters with 100 of overlap — about the same chunk size —, its in-process MiniLM, its in-memory store).
 * Same texts, same thread budget. Prints one line per figure.
 *
 * <p>Run: {@code ./benchmarks/run SciFactIngestion}
 */
public final class SciFactIngestion {
    private SciFactIngestion() {}

    public static void main(String[] args) throws IOException {
        List<BeirDocument> docs = BeirDataset.load(SharedData.root().resolve("beir-scifact"), "test").corpus().readAll();
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "# SciFact corpus: %d documents, %d threads, Java %s%n", docs.size(), threads, Runtime.version());

        for (BundledModel model : List.of(BundledModel.ALL_MINILM_L6_V2, BundledModel.ALL_MINILM_L6_V2_Q)) {
            Path dir = Files.createTempDirectory("weft-ingest");
            try (OnnxEmbeddingModel embedder = OnnxEmbeddingModel.builder().bundled(model).intraOpThreads(threads).build();
                 LuceneStore store = LuceneStore.builder().path(dir).dimension(embedder.dimension()).build()) {
                IngestionPipeline pipeline = IngestionPipeline.builder()
                        .source(() -> docs.stream().map(SciFactIngestion::entry).toList())
                        .splitter(Splitter.recursive().tokenCounter(embedder.tokenCounter()).chunkSize(254).overlap(32).build())
                        .embeddingModel(embedder)
                        .store(store)
                        .manifest(IngestionManifest.inMemory())
                        .build();
                IngestionReport r = pipeline.run();
                double s = r.elapsed().toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "ingest.weft model=%s documents=%d chunks=%d tokens=%d seconds=%.1f chunks_per_s=%.1f docs_per_s=%.1f tokens_per_s=%.0f failures=%d%n",
                        model.id(), r.documents(), r.chunks(), r.tokens(), s, r.chunks() / s, r.documents() / s, r.tokens() / s, r.failures().size());
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                    .documentSplitter(DocumentSplitters.recursive(1000, 100))
                    .embeddingModel(new AllMiniLmL6V2EmbeddingModel(pool))
                    .embeddingStore(store)
                    .build();
            List<Document> lc4jDocs = docs.stream().map(d -> Document.from(d.titleAndText())).toList();
            long start = System.nanoTime();
            var result = ingestor.ingest(lc4jDocs);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "ingest.langchain4j model=all-minilm-l6-v2 documents=%d seconds=%.1f docs_per_s=%.1f input_tokens=%s%n",
                    lc4jDocs.size(), s, lc4jDocs.size() / s, result.tokenUsage() == null ? "n/a" : result.tokenUsage().inputTokenCount());
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
