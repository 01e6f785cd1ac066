package dev.weft.rag.answer;

import dev.weft.core.model.Embedding;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A small company knowledge base, embedded with the real int8 all-MiniLM-L6-v2 into core's exact
 * {@link InMemoryVectorStore}, and a real dense retriever over it. The model and the store are built once per test
 * JVM and only read (never closed: the JVM ends with the run).
 */
final class HandbookCorpus {
    /** Each chunk's metadata, by chunk id. */
    static final Map<String, Metadata> METADATA = Map.of(
            "handbook-12", Metadata.of("source", "handbook.pdf", "title", "Employee Handbook", "page", 12),
            "handbook-13", Metadata.of("source", "handbook.pdf", "title", "Employee Handbook", "page", 13),
            "it-faq-1", Metadata.of("source", "it-faq.md", "title", "IT FAQ"),
            "it-faq-2", Metadata.of("source", "it-faq.md", "title", "IT FAQ"),
            "cafeteria", Metadata.of("source", "https://intranet.example/cafeteria"),
            "travel-3", Metadata.of("source", "travel-policy.pdf", "title", "Travel Policy", "page", 3));
    /** Each chunk's text, by chunk id. */
    static final Map<String, String> TEXTS = Map.of(
            "handbook-12", """
                    New employees receive 25 days of paid vacation per year. Vacation requests must be approved by \
                    your manager two weeks in advance.
                    Unused vacation days expire at the end of March of the following year.""",
            "handbook-13", """
                    Remote work is allowed up to three days per week. Employees working remotely must be reachable \
                    during core hours, from 10:00 to 15:00.""",
            "it-faq-1", """
                    To reset your password, open the self-service portal and choose "Forgot password". A reset link \
                    is sent to your registered phone number. Passwords must be at least 14 characters long.""",
            "it-faq-2", """
                    The office Wi-Fi network is called WeftGuest. Laptops are replaced every four years.""",
            "cafeteria", """
                    The cafeteria serves lunch between 11:30 and 14:00. Vegetarian dishes are available every day.""",
            "travel-3", """
                    Business class is permitted for flights longer than eight hours. Hotel costs are reimbursed up to \
                    180 euros per night.""");

    private static OnnxEmbeddingModel embedder;
    private static InMemoryVectorStore store;

    private HandbookCorpus() {}

    /** The int8 all-MiniLM-L6-v2, loaded once. */
    static synchronized OnnxEmbeddingModel embedder() {
        if (embedder == null) {
            embedder = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        }
        return embedder;
    }

    /** The store holding every chunk of the corpus, built once. */
    static synchronized InMemoryVectorStore store() {
        if (store == null) {
            List<String> ids = List.copyOf(new TreeSet<>(TEXTS.keySet()));
            List<Embedding> vectors = embedder().embed(ids.stream().map(TEXTS::get).toList()).embeddings();
            List<StoredChunk> chunks = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                chunks.add(new StoredChunk(ids.get(i), TEXTS.get(ids.get(i)), vectors.get(i).vector(), METADATA.get(ids.get(i))));
            }
            store = InMemoryVectorStore.builder().dimension(embedder().dimension()).build();
            store.upsert(chunks);
        }
        return store;
    }

    /** Dense retrieval: embed the query, search the store within the query's filter, keep the hits as they rank. */
    static Retriever retriever() {
        InMemoryVectorStore s = store();
        return query -> s.search(VectorQuery.of(embedder().embed(query.text()).vector(), query.topK(), query.filter()))
                .stream().map(RetrievedChunk::of).toList();
    }

    /** The chunk {@code id} as numbered in {@code context}. */
    static ContextChunk numbered(List<ContextChunk> context, String id) {
        return context.stream().filter(c -> c.chunk().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("chunk " + id + " is not in the context " + context));
    }
}
