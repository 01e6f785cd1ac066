package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import dev.weft.core.retrieval.VectorQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence on disk: commit is the durability point, close commits, reopening checks the index's settings. */
class LuceneStoreDurabilityTest {
    @TempDir
    Path dir;

    private LuceneStore open() {
        return LuceneStore.builder().path(dir).dimension(2).build();
    }

    private static StoredChunk chunk(String id) {
        return new StoredChunk(id, "durable text " + id, new float[] {1, id.length()}, Metadata.of("id", id));
    }

    private int committedDocs() throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            return reader.numDocs();
        }
    }

    @Test
    void writesAreVisibleAtOnceAndDurableAtCommit() throws IOException {
        try (LuceneStore store = open()) {
            store.upsert(List.of(chunk("a")));
            store.commit();
            store.upsert(List.of(chunk("bb")));

            assertThat(store.size()).as("the store sees its own writes").isEqualTo(2);
            assertThat(committedDocs()).as("a reader of the last commit").isEqualTo(1);
            store.commit();
            assertThat(committedDocs()).isEqualTo(2);
        }
    }

    @Test
    void closeCommitsAndReopenRestoresEverything() {
        try (LuceneStore store = open()) {
            store.upsert(List.of(chunk("a"), chunk("bb"), chunk("zero")));
            store.delete(List.of("zero"));
        }
        try (LuceneStore reopened = open()) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(reopened.get("bb")).contains(chunk("bb"));
            assertThat(reopened.search(VectorQuery.of(new float[] {1, 2}, 1, Filter.eq("id", "bb"))))
                    .extracting(h -> h.chunk().id()).containsExactly("bb");
            assertThat(reopened.fullText().orElseThrow().search(new TextQuery("durable", 5, null))).hasSize(2);
        }
    }

    @Test
    void anEmptyStoreReopens() {
        open().close();
        try (LuceneStore reopened = open()) {
            assertThat(reopened.size()).isZero();
        }
    }

    @Test
    void reopeningWithOtherSettingsIsRefused() {
        open().close();
        assertThatThrownBy(() -> LuceneStore.builder().path(dir).dimension(3).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> LuceneStore.builder().path(dir).dimension(2).similarity(Similarity.DOT_PRODUCT).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("COSINE");
        try (LuceneStore reopened = LuceneStore.builder().path(dir).dimension(2).quantization(Quantization.INT8).build()) {
            assertThat(reopened.size()).as("quantisation may change between openings").isZero();
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
        try (LuceneStore first = open()) {
            first.upsert(List.of(chunk("a")));
            assertThatThrownBy(this::open).isInstanceOf(LuceneStoreException.class).hasMessageContaining("locked");
            assertThat(first.size()).isEqualTo(1);
        }
    }

    @Test
    void anIndexNotWrittenByAStoreIsRefused() throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir); IndexWriter w = new IndexWriter(fs, new IndexWriterConfig())) {
            w.addDocument(new Document());
        }
        assertThatThrownBy(this::open).isInstanceOf(LuceneStoreException.class).hasMessageContaining("not written by a LuceneStore");
    }

    @Test
    void aClosedStoreRefusesEverythingAndClosesTwiceHarmlessly() {
        LuceneStore store = open();
        store.upsert(List.of(chunk("a")));
        store.close();
        assertThatCode(store::close).doesNotThrowAnyException();

        assertThatThrownBy(() -> store.upsert(List.of(chunk("b")))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.upsert(List.of())).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.delete(List.of("a"))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.deleteWhere(Filter.eq("id", "a"))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(store::size).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(store::commit).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0}, 1))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.fullText().orElseThrow().search(new TextQuery("text", 1, null)))
                .isInstanceOf(ResourceClosedException.class).hasMessageContaining("closed");
    }
}
