package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.WeftException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end on real files, the real int8 MiniLM (loaded once) and core's exact in-memory store. Embed
 * calls are counted by a decorator around the real model.
 */
class IngestionPipelineTest {
    private static CountingEmbeddingModel model;

    @TempDir
    Path root;

    private VectorStore store;

    @BeforeAll
    static void loadModel() {
        model = new CountingEmbeddingModel(MiniLm.model());
    }

    @BeforeEach
    void setUp() throws IOException {
        model.reset();
        store = InMemoryVectorStore.builder().dimension(384).build();
        Fixtures.copyCorpus(root);
        Fixtures.pdf(root.resolve("manual.pdf"), "Pump Manual", List.of(
                List.of("Priming the pump: open the bleed valve and fill the housing with water."),
                List.of("Winter storage: drain the pump completely so that ice cannot crack the casing.")));
        Files.write(root.resolve("broken.pdf"), "%PDF-1.7 truncated before any object".getBytes());
        Files.writeString(root.resolve("empty.txt"), "  \n\n ");
    }

    private IngestionPipeline.Builder pipeline() {
        return IngestionPipeline.builder()
                .source(DirectorySource.builder(root).include("**/*.{md,txt,html,pdf,docx}").exclude("drafts/**").build())
                .splitter(Splitter.markdownHeaders().tokenCounter(model.tokenCounter()).chunkSize(48).overlap(8).build())
                .embeddingModel(model)
                .store(store)
                .batchSize(8);
    }

    private List<StoredChunk> chunksOf(String documentId) {
        float[] anyVector = MiniLm.model().embed("anything").vector();
        return store.search(VectorQuery.of(anyVector, 1_000, Filter.eq(Chunk.DOCUMENT_ID, documentId))).stream()
                .map(SearchHit::chunk).toList();
    }

    @Test
    void firstRunIngestsEveryReadableDocumentAndReportsTheRest() {
        IngestionReport report = pipeline().build().run();

        assertThat(report.added()).isEqualTo(6); // bread, lighthouse, notes, orchard, manual.pdf, empty.txt
        assertThat(report.updated() + report.unchanged() + report.deleted()).isZero();
        assertThat(report.failures()).extracting(IngestionFailure::documentId).containsExactly("broken.pdf", "recipes.docx");
        assertThat(report.failures().get(0).reason()).startsWith("cannot be loaded as pdf");
        assertThat(report.failures().get(1).reason()).contains("no loader reads this type (extension 'docx')");
        assertThat(report.failures().get(1).location()).isEqualTo(root.resolve("recipes.docx").toString());

        assertThat(store.size()).isEqualTo(report.chunks()).isEqualTo(model.texts());
        assertThat(report.tokens()).isPositive();
        assertThat(chunksOf("empty.txt")).isEmpty();
        assertThat(chunksOf("drafts/unfinished.md")).isEmpty();

        StoredChunk lamp = chunksOf("guides/lighthouse.md").stream()
                .filter(c -> c.text().contains("whale oil")).findFirst().orElseThrow();
        assertThat(lamp.metadata().asMap())
                .containsEntry(Metadata.SOURCE, root.resolve("guides/lighthouse.md").toString())
                .containsEntry(Metadata.TITLE, "Keeping a Lighthouse")
                .containsEntry(Chunk.SECTION, "Keeping a Lighthouse > The Lamp")
                .containsEntry(Document.FORMAT, "markdown");
        assertThat(lamp.id()).matches("guides/lighthouse\\.md#\\d+");

        // Both pages fit one chunk of 48 tokens: it cites the range of pages it spans.
        assertThat(chunksOf("manual.pdf")).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("manual.pdf#0");
            assertThat(c.text()).startsWith("Priming the pump").contains("\n\nWinter storage");
            assertThat(c.metadata().getLong(Metadata.PAGE)).contains(1L);
            assertThat(c.metadata().getLong(Chunk.LAST_PAGE)).contains(2L);
            assertThat(c.metadata().getString(Metadata.TITLE)).contains("Pump Manual");
        });
    }

    @Test
    void retrievalFindsTheIngestedPassages() {
        pipeline().build().run();
        float[] query = MiniLm.model().embed("when should apple trees be pruned").vector();
        List<SearchHit> hits = store.search(VectorQuery.of(query, 3));
        assertThat(hits.getFirst().chunk().metadata().getString(Chunk.DOCUMENT_ID)).contains("orchard.html");
        assertThat(hits.getFirst().chunk().text()).contains("Prune apple trees in late winter");
    }

    @Test
    void batchesSpanDocumentsAndKeepToTheBatchSize() {
        IngestionReport report = pipeline().batchSize(4).build().run();

        List<Integer> batches = model.batches();
        assertThat(batches).hasSize((int) ((report.chunks() + 3) / 4));
        assertThat(batches.subList(0, batches.size() - 1)).containsOnly(4);
        assertThat(batches.getLast()).isBetween(1, 4);
    }

    @Test
    void anUnchangedDocumentIsNotEmbeddedAgain() {
        IngestionPipeline pipeline = pipeline().build();
        IngestionReport first = pipeline.run();
        long size = store.size();
        model.reset();

        IngestionReport second = pipeline.run();

        assertThat(model.calls()).as("embed calls on the second run").isZero();
        assertThat(second.unchanged()).isEqualTo(first.added());
        assertThat(second.added() + second.updated() + second.deleted()).isZero();
        assertThat(second.chunks()).isZero();
        assertThat(second.failures()).hasSize(2); // still broken, still unknown
        assertThat(store.size()).isEqualTo(size);
    }

    @Test
    void aChangedDocumentReplacesItsOldChunks() throws IOException {
        IngestionPipeline pipeline = pipeline().build();
        pipeline.run();
        assertThat(chunksOf("guides/lighthouse.md")).hasSizeGreaterThan(1);
        model.reset();

        Files.writeString(root.resolve("guides/lighthouse.md"), "# Lighthouses\n\nAutomated lights need no keeper.\n");
        IngestionReport report = pipeline.run();

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(5);
        assertThat(model.batches()).containsExactly(1);
        assertThat(chunksOf("guides/lighthouse.md")).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("guides/lighthouse.md#0");
            assertThat(c.text()).isEqualTo("# Lighthouses\n\nAutomated lights need no keeper.");
            assertThat(c.metadata().getString(Metadata.TITLE)).contains("Lighthouses");
        });
        assertThat(store.get("guides/lighthouse.md#1")).isEmpty();
        assertThat(pipeline.manifest().documents().get("guides/lighthouse.md").chunkCount()).isEqualTo(1);
    }

    @Test
    void aDeletedDocumentIsRemoved() throws IOException {
        IngestionPipeline pipeline = pipeline().build();
        pipeline.run();
        assertThat(chunksOf("notes.txt")).isNotEmpty();
        model.reset();

        Files.delete(root.resolve("notes.txt"));
        IngestionReport report = pipeline.run();

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(model.calls()).isZero();
        assertThat(chunksOf("notes.txt")).isEmpty();
        assertThat(pipeline.manifest().documents()).doesNotContainKey("notes.txt");
    }

    @Test
    void aDocumentThatNowFailsKeepsWhatWasStoredUntilItIsFixed() throws IOException {
        IngestionPipeline pipeline = pipeline().build();
        pipeline.run();
        List<StoredChunk> before = chunksOf("manual.pdf");
        IngestionManifest.Entry entry = pipeline.manifest().documents().get("manual.pdf");

        Files.write(root.resolve("manual.pdf"), "%PDF-1.4 damaged".getBytes());
        IngestionReport damaged = pipeline.run();

        assertThat(damaged.failures()).extracting(IngestionFailure::documentId).contains("manual.pdf");
        assertThat(damaged.updated() + damaged.deleted()).isZero();
        assertThat(chunksOf("manual.pdf")).containsExactlyInAnyOrderElementsOf(before);
        assertThat(pipeline.manifest().documents().get("manual.pdf")).isEqualTo(entry);

        Fixtures.pdf(root.resolve("manual.pdf"), "Pump Manual", List.of(List.of("Second edition: one page only.")));
        IngestionReport fixed = pipeline.run();

        assertThat(fixed.updated()).isEqualTo(1);
        assertThat(chunksOf("manual.pdf")).extracting(StoredChunk::text).containsExactly("Second edition: one page only.");
    }

    @Test
    void aFileManifestCarriesTheStateToTheNextPipelineAndIsWrittenAfterTheCommit() throws IOException {
        Path manifestFile = root.resolveSibling(root.getFileName() + "-index").resolve("manifest.json");
        List<Boolean> manifestExistedAtCommit = new ArrayList<>();
        store = new CommitObservingStore(store, () -> manifestExistedAtCommit.add(Files.exists(manifestFile)));

        IngestionReport first = pipeline().manifest(IngestionManifest.file(manifestFile)).build().run();

        assertThat(manifestExistedAtCommit).containsExactly(false);
        assertThat(IngestionManifest.file(manifestFile).documents()).hasSize(first.added());
        model.reset();

        IngestionReport second = pipeline().manifest(IngestionManifest.file(manifestFile)).build().run();

        assertThat(second.unchanged()).isEqualTo(first.added());
        assertThat(model.calls()).isZero();
    }

    @Test
    void changedSettingsIngestEverythingAnew() {
        IngestionManifest manifest = IngestionManifest.inMemory();
        IngestionReport first = pipeline().manifest(manifest).build().run();

        IngestionReport second = pipeline().manifest(manifest)
                .splitter(Splitter.recursive().tokenCounter(model.tokenCounter()).chunkSize(24).overlap(0).build())
                .build().run();

        assertThat(second.updated()).isEqualTo(first.added());
        assertThat(second.unchanged()).isZero();
        assertThat(manifest.settings()).contains("recursive(chunkSize=24, overlap=0)", "all-minilm");
        assertThat(store.size()).isEqualTo(second.chunks());
    }

    @Test
    void progressReachesEveryDocumentAndChunk() {
        List<IngestionProgress> events = new ArrayList<>();
        IngestionReport report = pipeline().listener(events::add).build().run();

        assertThat(events).isNotEmpty();
        IngestionProgress last = events.getLast();
        assertThat(last.documentsDone()).isEqualTo(last.documentsTotal()).isEqualTo(8);
        assertThat(last.chunksEmbedded()).isEqualTo(report.chunks());
        assertThat(last.tokensEmbedded()).isEqualTo(report.tokens());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).documentsDone()).isGreaterThanOrEqualTo(events.get(i - 1).documentsDone());
            assertThat(events.get(i).chunksEmbedded()).isGreaterThanOrEqualTo(events.get(i - 1).chunksEmbedded());
        }
        assertThat(last.chunksPerSecond()).isPositive();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRun() {
        IngestionReport report = pipeline().listener(p -> { throw new IllegalStateException("listener bug"); }).build().run();
        assertThat(report.added()).isEqualTo(6);
    }

    @Test
    void aSourceThatCannotBeListedChangesNothing() throws IOException {
        IngestionPipeline pipeline = pipeline().build();
        pipeline.run();
        long size = store.size();
        var documents = pipeline.manifest().documents();

        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        assertThatThrownBy(pipeline::run).isInstanceOf(WeftException.class).hasMessageContaining("nothing was changed");
        assertThat(store.size()).isEqualTo(size);
        assertThat(pipeline.manifest().documents()).isEqualTo(documents);
    }

    @Test
    void buildRefusesAnIncompleteOrMismatchedConfiguration() {
        assertThatThrownBy(() -> pipeline().source(null).build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("source(..) is required");
        assertThatThrownBy(() -> pipeline().splitter(null).build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("splitter(..) is required");
        assertThatThrownBy(() -> pipeline().embeddingModel(null).build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("embeddingModel(..) is required");
        assertThatThrownBy(() -> pipeline().store(null).build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("store(..) is required");
        assertThatThrownBy(() -> pipeline().batchSize(0).build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("batchSize must be >= 1, was 0");
        assertThatThrownBy(() -> pipeline().store(InMemoryVectorStore.builder().dimension(768).build()).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 384").hasMessageContaining("dimension 768");
    }
}
