package dev.weft.rag.answer;

import dev.weft.testing.Generated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The greedy packer over generated chunk lists (ids may repeat) and budgets; each case's seed is in its name. It
 * keeps the retriever's order, numbers chunks 1..n, never exceeds the budget, never packs an id twice, and skips a
 * chunk only when it did not fit what was left.
 */
class GreedyPackerPropertyTest {

    /** Chunks whose cost is their text's length, and a budget. */
    record Case(List<RetrievedChunk> chunks, int budget) {}

    static Stream<Arguments> cases() {
        return Generated.cases(300, r -> {
            List<RetrievedChunk> chunks = new ArrayList<>();
            for (int i = r.intRange(0, 20); i > 0; i--) {
                chunks.add(new RetrievedChunk("c" + r.intRange(0, 15), "x".repeat(r.intRange(0, 60)), 0, null));
            }
            return new Case(chunks, r.intRange(1, 300));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void packsGreedilyWithinTheBudget(Case c) {
        List<ContextChunk> packed = GreedyPacker.pack(c.chunks(), c.budget(), chunk -> chunk.chunk().text().length());

        assertThat(packed.stream().mapToInt(p -> p.chunk().text().length()).sum()).isLessThanOrEqualTo(c.budget());
        for (int i = 0; i < packed.size(); i++) {
            assertThat(packed.get(i).number()).isEqualTo(i + 1);
        }
        // Replay the retriever's order: each chunk is packed exactly when it is new and fits what is left.
        int left = c.budget();
        int next = 0;
        Set<String> ids = new HashSet<>();
        for (RetrievedChunk chunk : c.chunks()) {
            boolean fits = !ids.contains(chunk.id()) && chunk.text().length() <= left;
            if (fits) {
                assertThat(packed.get(next++).chunk()).as("%s", c).isSameAs(chunk);
                ids.add(chunk.id());
                left -= chunk.text().length();
            }
        }
        assertThat(packed).as("%s", c).hasSize(next);
    }
}
