package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked cases of {@link Filter#test}, the reference semantics every store reproduces. */
class FilterSemanticsTest {
    private static final Metadata DOC = Metadata.of("lang", "en", "year", 2024, "score", 0.5, "draft", false, "code", "2024");

    @Test
    void aConditionOnAMissingKeyIsFalseAndItsNegationTrue() {
        assertThat(Filter.eq("missing", "en").test(DOC)).isFalse();
        assertThat(Filter.in("missing", "en", 2024).test(DOC)).isFalse();
        assertThat(Filter.gte("missing", Double.NEGATIVE_INFINITY).test(DOC)).isFalse();
        assertThat(Filter.not(Filter.eq("missing", "en")).test(DOC)).isTrue();
        assertThat(Filter.not(Filter.gte("missing", 0)).test(Metadata.EMPTY)).isTrue();
    }

    @Test
    void numbersCompareByValueAcrossTypes() {
        assertThat(Filter.eq("year", 2024).test(DOC)).isTrue();
        assertThat(Filter.eq("year", 2024L).test(DOC)).isTrue();
        assertThat(Filter.eq("year", 2024.0).test(DOC)).isTrue();
        assertThat(Filter.eq("year", 2024.0f).test(DOC)).isTrue();
        assertThat(Filter.eq("year", (short) 2024).test(DOC)).isTrue();
        assertThat(Filter.eq("year", 2024.5).test(DOC)).isFalse();
        assertThat(Filter.eq("score", 0.5f).test(DOC)).isTrue();
        assertThat(Filter.in("year", 1, 2024.0).test(DOC)).isTrue();
        assertThat(Filter.eq("n", 2024).test(Metadata.of("n", 2024.0))).isTrue();
    }

    @Test
    void largeLongsCompareExactly() {
        Metadata m = Metadata.of("id", 9_007_199_254_740_993L);
        assertThat(Filter.eq("id", 9_007_199_254_740_993L).test(m)).isTrue();
        assertThat(Filter.eq("id", 9_007_199_254_740_992L).test(m)).as("2^53 vs 2^53 + 1").isFalse();
        assertThat(Filter.in("id", 9_007_199_254_740_992L).test(m)).isFalse();
        assertThat(Filter.eq("id", Long.MAX_VALUE).test(Metadata.of("id", Long.MAX_VALUE - 1))).isFalse();
    }

    @Test
    void stringsAndNumbersNeverMatchEachOther() {
        assertThat(Filter.eq("code", 2024).test(DOC)).isFalse();
        assertThat(Filter.eq("year", "2024").test(DOC)).isFalse();
        assertThat(Filter.in("year", "2024", "en").test(DOC)).isFalse();
        assertThat(Filter.gte("code", 0).test(DOC)).as("range matches numbers only").isFalse();
        assertThat(Filter.gte("lang", 0).test(DOC)).isFalse();
    }

    @Test
    void booleansMatchOnlyBooleans() {
        assertThat(Filter.eq("draft", false).test(DOC)).isTrue();
        assertThat(Filter.eq("draft", true).test(DOC)).isFalse();
        assertThat(Filter.eq("draft", 0).test(DOC)).isFalse();
        assertThat(Filter.eq("draft", "false").test(DOC)).isFalse();
        assertThat(Filter.gte("draft", 0).test(DOC)).isFalse();
    }

    @Test
    void stringEqualityIsExact() {
        assertThat(Filter.eq("lang", "en").test(DOC)).isTrue();
        assertThat(Filter.eq("lang", "EN").test(DOC)).isFalse();
        assertThat(Filter.eq("lang", "en ").test(DOC)).isFalse();
    }

    @Test
    void rangeBoundsAreInclusiveOrExclusiveAsAsked() {
        assertThat(Filter.gte("year", 2024).test(DOC)).isTrue();
        assertThat(Filter.gt("year", 2024).test(DOC)).isFalse();
        assertThat(Filter.lte("year", 2024).test(DOC)).isTrue();
        assertThat(Filter.lt("year", 2024).test(DOC)).isFalse();
        assertThat(Filter.between("year", 2024, 2024).test(DOC)).isTrue();
        assertThat(Filter.between("year", 2000, 2023.999).test(DOC)).isFalse();
        assertThat(new Filter.Range("year", 2024.0, 2024.0, false, true).test(DOC)).isFalse();
        assertThat(new Filter.Range("year", 2024.0, 2025.0, true, false).test(DOC)).isTrue();
        assertThat(new Filter.Range("score", 0.0, 0.5, false, false).test(DOC)).isFalse();
    }

    @Test
    void aNullBoundIsOpen() {
        assertThat(new Filter.Range("year", null, 3000.0, false, false).test(DOC)).isTrue();
        assertThat(new Filter.Range("year", 0.0, null, false, false).test(DOC)).isTrue();
        assertThat(new Filter.Range("year", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false).test(DOC)).isTrue();
        assertThat(new Filter.Range("x", null, 0.0, false, true).contains(-Double.MAX_VALUE)).isTrue();
        assertThatThrownBy(() -> new Filter.Range("x", null, null, true, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("range(x) needs a lower or an upper bound");
        assertThatThrownBy(() -> new Filter.Range("x", Double.NaN, null, true, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
    }

    @Test
    void emptyAndIsTrueEmptyOrIsFalse() {
        assertThat(Filter.and().test(DOC)).isTrue();
        assertThat(Filter.and().test(Metadata.EMPTY)).isTrue();
        assertThat(Filter.or().test(DOC)).isFalse();
        assertThat(Filter.not(Filter.or()).test(Metadata.EMPTY)).isTrue();
    }

    @Test
    void andOrNotCombine() {
        Filter f = Filter.and(Filter.eq("lang", "en"), Filter.gte("year", 2020), Filter.not(Filter.eq("draft", true)));
        assertThat(f.test(DOC)).isTrue();
        assertThat(f.test(DOC.with("draft", true))).isFalse();
        assertThat(Filter.or(Filter.eq("lang", "fr"), Filter.eq("year", 2024.0)).test(DOC)).isTrue();
        assertThat(Filter.or(Filter.eq("lang", "fr"), Filter.eq("missing", 1)).test(DOC)).isFalse();
        assertThat(Filter.not(Filter.not(Filter.eq("lang", "en"))).test(DOC)).isTrue();
    }

    @Test
    void inWithANullValueIsRefusedClearly() {
        assertThatThrownBy(() -> Filter.in("k", 1, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'k' must not be null");
        assertThatThrownBy(() -> Filter.and(Filter.and(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filters[1]");
    }

    @Test
    void filterValuesAreNormalisedAndValidated() {
        assertThat(new Filter.Eq("k", 7)).isEqualTo(new Filter.Eq("k", 7L));
        assertThat(new Filter.In("k", List.of(1, 2.5f)).values()).containsExactly(1L, 2.5);
        assertThatThrownBy(() -> Filter.eq("k", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'k' must not be null");
        assertThatThrownBy(() -> Filter.eq("k", Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Filter.eq("k", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> Filter.eq(" ", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> Filter.in("k"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("in(k) needs at least one value");
        assertThatThrownBy(() -> new Filter.Not(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter must not be null");
        assertThatThrownBy(() -> new Filter.And(java.util.Arrays.asList(Filter.and(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filters[1]");
    }
}
