package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link RetrievedChunk#citation()} reads the well-known metadata keys; {@link Citation} prints what is known. */
class CitationTest {

    @Test
    void citationFromWellKnownKeys() {
        RetrievedChunk c = new RetrievedChunk("c1", "text", 0.9,
                Metadata.of(Metadata.SOURCE, "handbook.pdf", Metadata.TITLE, "Handbook", Metadata.PAGE, 12));
        assertThat(c.citation()).isEqualTo(new Citation("c1", "handbook.pdf", "Handbook", 12));
        assertThat(c.citation()).hasToString("Handbook, p. 12");
    }

    @Test
    void fallsBackToSourceThenId() {
        assertThat(new RetrievedChunk("c1", "t", 0, Metadata.of(Metadata.SOURCE, "a.md")).citation()).hasToString("a.md");
        assertThat(new RetrievedChunk("c1", "t", 0, null).citation()).hasToString("c1");
        assertThat(new RetrievedChunk("c1", "t", 0, Metadata.of(Metadata.PAGE, "twelve")).citation().page())
                .as("a page that is not a number is unknown").isZero();
    }

    @Test
    void fromASearchHit() {
        StoredChunk stored = new StoredChunk("s1", "body", new float[] {1}, Metadata.of("lang", "en"));
        RetrievedChunk r = RetrievedChunk.of(new SearchHit(stored, 0.75));
        assertThat(r).isEqualTo(new RetrievedChunk("s1", "body", 0.75, Metadata.of("lang", "en")));
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new RetrievedChunk(" ", "t", 0, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RetrievedChunk("id", null, 0, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetrievalQuery.of("q", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("topK must be >= 1, was 0");
        assertThatThrownBy(() -> RetrievalQuery.of(" ", 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new VectorQuery(new float[1], 1, null, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minScore must not be NaN");
        assertThatThrownBy(() -> new StoredChunk("id", "t", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vector of chunk 'id' must not be null");
    }
}
