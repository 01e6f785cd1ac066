package dev.weft.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of {@link Fusion} over generated rankings; the case's seed is in its name. */
class FusionPropertyTest {

    record Case(Rankings rankings, long shuffleSeed, int k, int promoteList, int promoteAt) {}

    static Stream<Arguments> cases() {
        return Generated.cases(300, (Random r) -> {
            Rankings rankings = Rankings.generate(r, 1, 4);
            int list = r.intRange(0, rankings.lists().size() - 1);
            int size = rankings.lists().get(list).size();
            return new Case(rankings, r.longRange(0, Long.MAX_VALUE), r.oneOf(0, 1, 60, r.intRange(0, 1000)),
                    list, size == 0 ? 0 : r.intRange(0, size - 1));
        });
    }

    static Stream<Arguments> pairs() {
        return Generated.cases(300, (Random r) -> new Case(Rankings.generate(r, 2, 2), 0, 60, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rrfScoresAreTheSumOfReciprocalRanksAndOrderIsScoreThenId(Case c) {
        List<RetrievedChunk> fused = new Fusion.ReciprocalRank(c.k()).fuse(c.rankings().lists());
        Map<String, Double> expected = new HashMap<>();
        for (List<RetrievedChunk> list : c.rankings().lists()) {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(list.stream().map(RetrievedChunk::id).toList()));
            for (int i = 0; i < distinct.size(); i++) {
                expected.merge(distinct.get(i), 1.0 / (c.k() + i + 1), Double::sum);
            }
        }
        assertThat(fused).as("%s", c).extracting(RetrievedChunk::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (RetrievedChunk f : fused) {
            assertThat(f.score()).as("%s: %s", c, f.id()).isCloseTo(expected.get(f.id()), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(fused).as("%s: best first, ties by id", c).isSortedAccordingTo(Rankings.BEST_FIRST);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rrfDoesNotDependOnTheOrderOfTheRankings(Case c) {
        List<List<RetrievedChunk>> shuffled = new ArrayList<>(c.rankings().lists());
        Collections.shuffle(shuffled, new java.util.Random(c.shuffleSeed()));
        Fusion rrf = Fusion.reciprocalRank(c.k());
        assertThat(rrf.fuse(shuffled)).as("%s", c).containsExactlyElementsOf(rrf.fuse(c.rankings().lists()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void promotingAChunkInOneRankingNeverLowersItInTheFusion(Case c) {
        List<RetrievedChunk> list = c.rankings().lists().get(c.promoteList());
        if (c.promoteAt() == 0 || list.isEmpty()) {
            return;
        }
        String promoted = list.get(c.promoteAt()).id();
        List<RetrievedChunk> swapped = new ArrayList<>(list);
        Collections.swap(swapped, c.promoteAt(), c.promoteAt() - 1);
        List<List<RetrievedChunk>> after = new ArrayList<>(c.rankings().lists());
        after.set(c.promoteList(), swapped);

        Fusion rrf = Fusion.reciprocalRank(c.k());
        List<RetrievedChunk> before = rrf.fuse(c.rankings().lists());
        List<RetrievedChunk> promotedFusion = rrf.fuse(after);
        assertThat(score(promotedFusion, promoted)).as("%s: score of %s", c, promoted).isGreaterThanOrEqualTo(score(before, promoted));
        assertThat(position(promotedFusion, promoted)).as("%s: position of %s", c, promoted).isLessThanOrEqualTo(position(before, promoted));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void convexWithWeightOneAndZeroIsTheSingleRanking(Case c) {
        List<RetrievedChunk> first = c.rankings().lists().get(0);
        List<RetrievedChunk> second = c.rankings().lists().get(1);
        assertThat(Fusion.convex(1, 0).fuse(c.rankings().lists())).as("%s", c).extracting(RetrievedChunk::id)
                .containsExactlyElementsOf(distinctIds(first));
        assertThat(Fusion.convex(0, 2.5).fuse(c.rankings().lists())).as("%s", c).extracting(RetrievedChunk::id)
                .containsExactlyElementsOf(distinctIds(second));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void convexScoresAreWeightedNormalisedScoresInUnitRange(Case c) {
        List<RetrievedChunk> fused = Fusion.convex(0.7, 0.3).fuse(c.rankings().lists());
        Set<String> union = new LinkedHashSet<>();
        c.rankings().lists().forEach(l -> union.addAll(distinctIds(l)));
        assertThat(fused).as("%s", c).extracting(RetrievedChunk::id).containsExactlyInAnyOrderElementsOf(union);
        assertThat(fused).as("%s", c).allSatisfy(f -> assertThat(f.score()).isBetween(0.0, 1.0 + 1e-12));
        assertThat(fused).as("%s", c).isSortedAccordingTo(Rankings.BEST_FIRST);
    }

    @Test
    void convexNormalisesEachRankingBeforeWeighting() {
        List<RetrievedChunk> dense = List.of(Rankings.chunk("a", 0.9), Rankings.chunk("b", 0.5), Rankings.chunk("c", 0.1));
        List<RetrievedChunk> sparse = List.of(Rankings.chunk("c", 30), Rankings.chunk("b", 20), Rankings.chunk("d", 10));
        List<RetrievedChunk> fused = Fusion.convex(0.5, 0.5).fuse(List.of(dense, sparse));
        // a: 0.5*1 + 0 = 0.5; b: 0.5*0.5 + 0.5*0.5 = 0.5; c: 0 + 0.5*1 = 0.5; d: 0 + 0 = 0.
        assertThat(fused).extracting(RetrievedChunk::id).containsExactly("a", "b", "c", "d");
        assertThat(fused).extracting(RetrievedChunk::score).containsExactly(0.5, 0.5, 0.5, 0.0);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> Fusion.reciprocalRank(-1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("k >= 0");
        assertThatThrownBy(() -> Fusion.convex()).isInstanceOf(InvalidInputException.class).hasMessageContaining("one weight per ranking");
        assertThatThrownBy(() -> Fusion.convex(0, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("positive weight");
        assertThatThrownBy(() -> Fusion.convex(-1, 2)).isInstanceOf(InvalidInputException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Fusion.convex(1, 1).fuse(List.of(List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 weights but was given 1 rankings");
        assertThatThrownBy(() -> Fusion.convex(1, 1).fuse(List.of(List.of(Rankings.chunk("a", Double.NaN)), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("finite");
        assertThat(Fusion.reciprocalRank().fuse(List.of())).isEmpty();
    }

    private static List<String> distinctIds(List<RetrievedChunk> list) {
        return List.copyOf(new LinkedHashSet<>(list.stream().map(RetrievedChunk::id).toList()));
    }

    private static double score(List<RetrievedChunk> fused, String id) {
        return fused.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().score();
    }

    private static int position(List<RetrievedChunk> fused, String id) {
        for (int i = 0; i < fused.size(); i++) {
            if (fused.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " missing");
    }
}
