package dev.weft.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every metric must have, over generated judgements and rankings; each case's seed is in its name
 * and the case itself in every assertion message.
 */
class RetrievalMetricPropertyTest {
    private static final double TOLERANCE = 1e-12;

    static Stream<Arguments> cases() {
        return Generated.cases(200, RankingCase::generate);
    }

    /** A case and a second, independently shuffled ranking of the same documents, for the permutation property. */
    record Shuffled(RankingCase base, List<String> shuffled) {
        static Shuffled generate(Random random) {
            RankingCase base = RankingCase.generate(random);
            // Shuffle the non-relevant documents among the ranks they occupy; relevant ones stay where they are.
            List<Integer> slots = new ArrayList<>();
            List<String> nonRelevant = new ArrayList<>();
            for (int i = 0; i < base.ranking().size(); i++) {
                if (!base.relevant(base.ranking().get(i))) {
                    slots.add(i);
                    nonRelevant.add(base.ranking().get(i));
                }
            }
            RankingCase.shuffle(nonRelevant, random);
            List<String> shuffled = new ArrayList<>(base.ranking());
            for (int j = 0; j < slots.size(); j++) {
                shuffled.set(slots.get(j), nonRelevant.get(j));
            }
            return new Shuffled(base, List.copyOf(shuffled));
        }
    }

    static Stream<Arguments> shuffledCases() {
        return Generated.cases(200, Shuffled::generate);
    }

    /** A ranking of n documents with one relevant (grade 1) at rank r, the others judged 0 or unjudged. */
    record SingleRelevant(List<String> ranking, Map<String, Integer> judgements, int rank) {
        static SingleRelevant generate(Random random) {
            int n = random.intRange(1, 30);
            int rank = random.intRange(1, n);
            List<String> ranking = new ArrayList<>();
            Map<String, Integer> judgements = new HashMap<>();
            for (int i = 1; i <= n; i++) {
                String id = i == rank ? "relevant" : "other" + i;
                ranking.add(id);
                if (i != rank && random.trueOrFalse()) {
                    judgements.put(id, random.intRange(-1, 0));
                }
            }
            judgements.put("relevant", 1);
            return new SingleRelevant(List.copyOf(ranking), Map.copyOf(judgements), rank);
        }
    }

    static Stream<Arguments> singleRelevantCases() {
        return Generated.cases(100, SingleRelevant::generate);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyValueLiesInTheUnitInterval(RankingCase c) {
        for (RetrievalMetric metric : c.metrics()) {
            assertThat(metric.score(c.ranking(), c.judgements())).as("%s for %s", metric, c).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void thePerfectRankingScoresOne(RankingCase c) {
        // Relevant documents by descending grade, then everything else.
        List<String> perfect = c.judgements().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ArrayList::new));
        c.ranking().stream().filter(id -> !c.relevant(id)).forEach(perfect::add);
        int r = c.relevantCount();
        int k = c.k();

        assertThat(RetrievalMetric.ndcg(k).score(perfect, c.judgements())).as("ndcg of %s", c).isCloseTo(1.0, within(TOLERANCE));
        assertThat(RetrievalMetric.mrr(k).score(perfect, c.judgements())).as("mrr of %s", c).isEqualTo(1.0);
        assertThat(RetrievalMetric.map().score(perfect, c.judgements())).as("map of %s", c).isCloseTo(1.0, within(TOLERANCE));
        assertThat(RetrievalMetric.map(k).score(perfect, c.judgements())).as("map@k of %s", c)
                .isCloseTo((double) Math.min(k, r) / r, within(TOLERANCE));
        assertThat(RetrievalMetric.recall(k).score(perfect, c.judgements())).as("recall@k of %s", c)
                .isCloseTo((double) Math.min(k, r) / r, within(TOLERANCE));
        assertThat(RetrievalMetric.precision(k).score(perfect, c.judgements())).as("precision@k of %s", c)
                .isCloseTo((double) Math.min(k, r) / k, within(TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("shuffledCases")
    void permutingTheNonRelevantDocumentsChangesNothing(Shuffled s) {
        RankingCase c = s.base();
        for (RetrievalMetric metric : c.metrics()) {
            assertThat(metric.score(s.shuffled(), c.judgements()))
                    .as("%s for %s reshuffled as %s", metric, c, s.shuffled())
                    .isEqualTo(metric.score(c.ranking(), c.judgements()));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nonRelevantDocumentsBelowTheRelevantOnesCanBeInAnyOrder(RankingCase c) {
        // The brief's form of the permutation property: relevant documents first (in the ranking's order), then
        // the non-relevant ones forwards or backwards.
        List<String> relevantFirst = new ArrayList<>(c.ranking().stream().filter(c::relevant).toList());
        List<String> rest = new ArrayList<>(c.ranking().stream().filter(id -> !c.relevant(id)).toList());
        List<String> forwards = new ArrayList<>(relevantFirst);
        forwards.addAll(rest);
        List<String> backwards = new ArrayList<>(relevantFirst);
        backwards.addAll(rest.reversed());
        for (RetrievalMetric metric : c.metrics()) {
            assertThat(metric.score(backwards, c.judgements())).as("%s for %s", metric, c)
                    .isEqualTo(metric.score(forwards, c.judgements()));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void recallReciprocalRankAndAveragePrecisionNeverFallAsKGrows(RankingCase c) {
        double recall = 0;
        double rr = 0;
        double ap = 0;
        for (int k = 1; k <= c.ranking().size() + 2; k++) {
            double nextRecall = RetrievalMetric.recall(k).score(c.ranking(), c.judgements());
            double nextRr = RetrievalMetric.mrr(k).score(c.ranking(), c.judgements());
            double nextAp = RetrievalMetric.map(k).score(c.ranking(), c.judgements());
            assertThat(nextRecall).as("recall@%d of %s", k, c).isGreaterThanOrEqualTo(recall);
            assertThat(nextRr).as("mrr@%d of %s", k, c).isGreaterThanOrEqualTo(rr);
            assertThat(nextAp).as("map@%d of %s", k, c).isGreaterThanOrEqualTo(ap);
            recall = nextRecall;
            rr = nextRr;
            ap = nextAp;
        }
        assertThat(RetrievalMetric.map().score(c.ranking(), c.judgements())).as("map of %s", c).isEqualTo(ap);
    }

    @ParameterizedTest
    @MethodSource("singleRelevantCases")
    void oneRelevantDocumentAtRankRGivesNdcgOfOneOverLog2OfRPlusOne(SingleRelevant s) {
        int r = s.rank();
        double expected = 1 / (Math.log(r + 1) / Math.log(2));
        for (int k = 1; k <= s.ranking().size() + 1; k++) {
            assertThat(RetrievalMetric.ndcg(k).score(s.ranking(), s.judgements())).as("ndcg@%d with the relevant document at rank %d", k, r)
                    .isCloseTo(k >= r ? expected : 0, within(TOLERANCE));
        }
        assertThat(RetrievalMetric.mrr(100).score(s.ranking(), s.judgements())).isCloseTo(1.0 / r, within(TOLERANCE));
        assertThat(RetrievalMetric.map().score(s.ranking(), s.judgements())).isCloseTo(1.0 / r, within(TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scalingEveryGradeLeavesEveryMetricUnchanged(RankingCase c) {
        // Gains are linear in the grade, so nDCG is a ratio unaffected by scale; the others look only at grade > 0.
        Map<String, Integer> tripled = new HashMap<>();
        c.judgements().forEach((id, grade) -> tripled.put(id, grade * 3));
        for (RetrievalMetric metric : c.metrics()) {
            assertThat(metric.score(c.ranking(), tripled)).as("%s for %s with grades tripled", metric, c)
                    .isCloseTo(metric.score(c.ranking(), c.judgements()), within(TOLERANCE));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void repeatingAnIdAfterItsFirstRankChangesNothing(RankingCase c) {
        // After each id, repeat every id ranked before it: each repeat comes after its first occurrence.
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < c.ranking().size(); i++) {
            repeated.add(c.ranking().get(i));
            if (i % 3 == 2) {
                repeated.addAll(c.ranking().subList(0, i));
            }
        }
        for (RetrievalMetric metric : c.metrics()) {
            assertThat(metric.score(repeated, c.judgements())).as("%s for %s repeated as %s", metric, c, repeated)
                    .isEqualTo(metric.score(c.ranking(), c.judgements()));
        }
    }
}
