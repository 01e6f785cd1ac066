package dev.weft.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Embedding} is an immutable value: equality by content, copies in and out, cosine with zero vectors. */
class EmbeddingValueTest {

    @Test
    void equalityIsByContent() {
        Embedding a = new Embedding(new float[] {1, 2, 3}, 4, false);
        assertThat(a).isEqualTo(new Embedding(new float[] {1, 2, 3}, 4, false)).hasSameHashCodeAs(new Embedding(new float[] {1, 2, 3}, 4, false));
        assertThat(a).isNotEqualTo(new Embedding(new float[] {1, 2, 3}, 5, false));
        assertThat(a).isNotEqualTo(new Embedding(new float[] {1, 2, 3}, 4, true));
        assertThat(a).isNotEqualTo(new Embedding(new float[] {1, 2, 4}, 4, false));
        assertThat(Embedding.of(0f)).isNotEqualTo(Embedding.of(-0f));
    }

    @Test
    void vectorIsCopiedInAndOut() {
        float[] v = {1, 2};
        Embedding e = Embedding.of(v);
        v[0] = 9;
        assertThat(e.vector()).containsExactly(1, 2);
        e.vector()[1] = 9;
        assertThat(e.vector()).containsExactly(1, 2);
        assertThat(e.vector()).isNotSameAs(e.vector());
        assertThat(e.get(1)).isEqualTo(2);
        assertThat(e.dimension()).isEqualTo(2);
    }

    @Test
    void cosine() {
        assertThat(Embedding.of(1, 0).cosine(Embedding.of(0, 1))).isZero();
        assertThat(Embedding.of(1, 1).cosine(Embedding.of(2, 2))).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Embedding.of(1, 0).cosine(Embedding.of(-3, 0))).isEqualTo(-1.0);
        assertThat(Embedding.of(0, 0).cosine(Embedding.of(1, 1))).isZero();
        assertThatThrownBy(() -> Embedding.of(1).cosine(Embedding.of(1, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimensions differ: 1 vs 2");
    }

    @Test
    void validationAndToString() {
        assertThatThrownBy(() -> new Embedding(null, 0, false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Embedding(new float[1], -1, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenCount must be >= 0");
        assertThat(new Embedding(new float[384], 12, true)).hasToString("Embedding[dimension=384, tokenCount=12, truncated=true]");
    }

    @Test
    void responseCountsTruncatedTexts() {
        EmbeddingResponse r = new EmbeddingResponse(List.of(
                new Embedding(new float[1], 3, true), new Embedding(new float[1], 3, false), new Embedding(new float[1], 9, true)), null);
        assertThat(r.truncatedCount()).isEqualTo(2);
        assertThat(r.usage()).isEqualTo(TokenUsage.ZERO);
    }
}
