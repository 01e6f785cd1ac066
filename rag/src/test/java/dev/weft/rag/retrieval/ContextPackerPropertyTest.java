package dev.weft.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.testing.Generated;
import dev.weft.rag.lucene.testing.StoreValues;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link ContextPacker} over generated chunks, budgets and overheads, counting tokens with core's
 * approximate counter (the real model's counter is exercised in {@link RetrievalOnLuceneTest}). The case's seed
 * is in its name.
 */
class ContextPackerPropertyTest {
    private static final TokenCounter COUNTER = TokenCounter.APPROXIMATE;

    record Case(List<RetrievedChunk> chunks, int budget, int overhead) {
        @Override
        public String toString() {
            return "Case[chunks=" + chunks.size() + ", budget=" + budget + ", overhead=" + overhead + "]";
        }
    }

    static Stream<Arguments> cases() {
        return Generated.cases(300, (Random r) -> {
            List<RetrievedChunk> chunks = new ArrayList<>();
            int n = r.intRange(0, 20);
            for (int i = 0; i < n; i++) {
                String text = r.trueOrFalse(0.1) ? "" : StoreValues.text(r, r.oneOf(10, 80, 400));
                Metadata metadata = r.trueOrFalse() ? Metadata.of("source", "doc" + i + ".pdf", "title", "Doc " + i, "page", i + 1)
                        : Metadata.EMPTY;
                chunks.add(new RetrievedChunk("c" + i, text, 1.0 / (i + 1), metadata));
            }
            return new Case(chunks, r.oneOf(1, 10, r.intRange(1, 500), r.intRange(500, 5000)), r.oneOf(0, 0, 3, r.intRange(0, 50)));
        });
    }

    private static int cost(RetrievedChunk c, int overhead) {
        return COUNTER.count(c.text()) + overhead;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void neverExceedsTheBudgetKeepsRankOrderAndLeavesOutOnlyWhatDidNotFit(Case c) {
        PackedContext packed = ContextPacker.builder(COUNTER).budget(c.budget()).overheadPerChunk(c.overhead()).build().pack(c.chunks());

        assertThat(packed.tokens()).as("%s", c).isLessThanOrEqualTo(c.budget())
                .isEqualTo(packed.chunks().stream().mapToInt(PackedChunk::tokens).sum());
        assertThat(packed.budget()).isEqualTo(c.budget());
        // Packed and omitted partition the input, each in rank order.
        List<RetrievedChunk> packedChunks = packed.chunks().stream().map(PackedChunk::chunk).toList();
        assertThat(merge(packedChunks, packed.omitted(), c.chunks())).as("%s: rank order kept", c).isTrue();
        // Greedy: replaying the input, every omitted chunk exceeded what remained at its turn.
        int used = 0;
        for (RetrievedChunk chunk : c.chunks()) {
            int cost = cost(chunk, c.overhead());
            if (packedChunks.contains(chunk)) {
                used += cost;
            } else {
                assertThat(used + cost).as("%s: %s was left out", c, chunk.id()).isGreaterThan(c.budget());
            }
        }
        for (int i = 0; i < packed.chunks().size(); i++) {
            PackedChunk p = packed.chunks().get(i);
            assertThat(p.number()).as("%s", c).isEqualTo(i + 1);
            assertThat(p.tokens()).as("%s", c).isEqualTo(cost(p.chunk(), c.overhead()));
            assertThat(p.citation()).as("%s", c).isEqualTo(p.chunk().citation());
        }
        assertThat(packed.citations()).hasSize(packed.chunks().size());
    }

    /** Whether {@code all} is an interleaving of {@code a} and {@code b}, each taken in order. */
    private static boolean merge(List<RetrievedChunk> a, List<RetrievedChunk> b, List<RetrievedChunk> all) {
        int i = 0;
        int j = 0;
        for (RetrievedChunk c : all) {
            if (i < a.size() && a.get(i).equals(c)) {
                i++;
            } else if (j < b.size() && b.get(j).equals(c)) {
                j++;
            } else {
                return false;
            }
        }
        return i == a.size() && j == b.size();
    }

    @Test
    void citationsComeFromTheChunksMetadata() {
        RetrievedChunk chunk = new RetrievedChunk("c1", "some words", 0.5, Metadata.of("source", "handbook.pdf", "title", "Handbook", "page", 12));
        PackedContext packed = ContextPacker.builder(COUNTER).budget(100).build().pack(List.of(chunk));
        assertThat(packed.citations()).singleElement().satisfies(citation -> {
            assertThat(citation.chunkId()).isEqualTo("c1");
            assertThat(citation.source()).isEqualTo("handbook.pdf");
            assertThat(citation.title()).isEqualTo("Handbook");
            assertThat(citation.page()).isEqualTo(12);
        });
    }

    @Test
    void builderNamesTheBadOption() {
        assertThatThrownBy(() -> ContextPacker.builder(COUNTER).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget(..) is required");
        assertThatThrownBy(() -> ContextPacker.builder(COUNTER).budget(10).overheadPerChunk(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overheadPerChunk");
        assertThatThrownBy(() -> ContextPacker.builder(null).budget(10).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("counter");
    }
}
