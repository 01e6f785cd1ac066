package dev.weft.eval.metrics;

import static dev.weft.eval.metrics.RetrievalMetric.map;
import static dev.weft.eval.metrics.RetrievalMetric.mrr;
import static dev.weft.eval.metrics.RetrievalMetric.ndcg;
import static dev.weft.eval.metrics.RetrievalMetric.precision;
import static dev.weft.eval.metrics.RetrievalMetric.recall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Each metric on small cases worked out by hand; the arithmetic is in the comments, and each expected value is
 * also given as a decimal computed separately (to 1e-9), so a slip in both the code and the formula here would
 * still be caught.
 */
class RetrievalMetricHandComputedTest {
    private static final Offset<Double> EXACT = within(1e-12);
    private static final Offset<Double> DECIMAL = within(1e-9);

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /*
     * Graded case. Judgements: d1=3, d2=2, d3=0, d4=1 (R = 3 relevant: d1, d2, d4).
     * Ranking: d3, d1, d5, d4, d2  ->  gains by rank 1..5: 0, 3, 0 (d5 unjudged), 1, 2.
     */
    private static final Map<String, Integer> GRADED = Map.of("d1", 3, "d2", 2, "d3", 0, "d4", 1);
    private static final List<String> RANKING = List.of("d3", "d1", "d5", "d4", "d2");

    @Test
    void ndcgUsesLinearGainLog2DiscountAndTheIdealOfTheJudgements() {
        // DCG@5  = 3/log2(3) + 1/log2(5) + 2/log2(6) = 1.892789261 + 0.430676558 + 0.773705614 = 3.097171433
        // IDCG@5 = ideal gains 3, 2, 1: 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.261859507 + 0.5 = 4.761859507
        // nDCG@5 = 3.097171433 / 4.761859507 = 0.650412182
        double dcg5 = 3 / log2(3) + 1 / log2(5) + 2 / log2(6);
        double idcg = 3 + 2 / log2(3) + 1 / log2(4);
        assertThat(ndcg(5).score(RANKING, GRADED)).isCloseTo(dcg5 / idcg, EXACT).isCloseTo(0.6504121821761035, DECIMAL);
        // Cutoffs past the ranking's end change nothing: DCG and IDCG both stop growing.
        assertThat(ndcg(100).score(RANKING, GRADED)).isCloseTo(0.6504121821761035, DECIMAL);
        // nDCG@3: DCG@3 = 3/log2(3) = 1.892789261; IDCG@3 is still 4.761859507 (R = 3): 0.397489522
        assertThat(ndcg(3).score(RANKING, GRADED)).isCloseTo(0.39748952229168844, DECIMAL);
        // nDCG@1: rank 1 holds d3 (grade 0): 0 / 3 = 0
        assertThat(ndcg(1).score(RANKING, GRADED)).isZero();
    }

    @Test
    void idealIsCutAtKToo() {
        // Five relevant documents of grade 1; the ranking holds two of them at ranks 1 and 2, then nothing.
        Map<String, Integer> five = Map.of("a", 1, "b", 1, "c", 1, "d", 1, "e", 1);
        List<String> ranking = List.of("a", "b", "x");
        // nDCG@2: DCG = 1/1 + 1/log2(3); IDCG@2 = the same (only two ideal ranks count): 1
        assertThat(ndcg(2).score(ranking, five)).isCloseTo(1.0, EXACT);
        // nDCG@10: DCG = 1 + 0.630929754 = 1.630929754;
        // IDCG@10 = 1/log2(2) + 1/log2(3) + 1/log2(4) + 1/log2(5) + 1/log2(6)
        //         = 1 + 0.630929754 + 0.5 + 0.430676558 + 0.386852807 = 2.948459119;  1.630929754 / 2.948459119 = 0.553146470
        assertThat(ndcg(10).score(ranking, five)).isCloseTo(0.5531464700081437, DECIMAL);
    }

    @Test
    void recallCountsRelevantDocumentsInTheTopK() {
        // Top 1: d3 -> 0 of 3.  Top 3: d3, d1, d5 -> 1 of 3.  Top 5: all of d1, d4, d2 -> 3 of 3.
        assertThat(recall(1).score(RANKING, GRADED)).isZero();
        assertThat(recall(3).score(RANKING, GRADED)).isCloseTo(1.0 / 3, EXACT);
        assertThat(recall(5).score(RANKING, GRADED)).isCloseTo(1.0, EXACT);
    }

    @Test
    void precisionDividesByKEvenPastTheRankingsEnd() {
        // P@2 = 1/2 (d1); P@3 = 1/3; P@5 = 3/5; P@10 = 3/10: only five ranked, but trec_eval's P_10 divides by 10.
        assertThat(precision(2).score(RANKING, GRADED)).isCloseTo(0.5, EXACT);
        assertThat(precision(3).score(RANKING, GRADED)).isCloseTo(1.0 / 3, EXACT);
        assertThat(precision(5).score(RANKING, GRADED)).isCloseTo(0.6, EXACT);
        assertThat(precision(10).score(RANKING, GRADED)).isCloseTo(0.3, EXACT);
    }

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantRankWithinK() {
        // The first relevant document, d1, is at rank 2: MRR@1 = 0, MRR@2 = MRR@10 = 1/2.
        assertThat(mrr(1).score(RANKING, GRADED)).isZero();
        assertThat(mrr(2).score(RANKING, GRADED)).isCloseTo(0.5, EXACT);
        assertThat(mrr(10).score(RANKING, GRADED)).isCloseTo(0.5, EXACT);
    }

    @Test
    void averagePrecisionDividesByAllRelevantDocuments() {
        // Relevant at ranks 2, 4, 5: precisions 1/2, 2/4, 3/5.  AP = (0.5 + 0.5 + 0.6) / 3 = 0.533333333
        assertThat(map().score(RANKING, GRADED)).isCloseTo((0.5 + 0.5 + 0.6) / 3, EXACT).isCloseTo(0.5333333333333333, DECIMAL);
        // AP@3: only rank 2 within the cutoff: (1/2) / 3 (R, not min(k, R) = 3 here either) = 0.166666667
        assertThat(map(3).score(RANKING, GRADED)).isCloseTo(0.5 / 3, EXACT);
        // AP@4: ranks 2 and 4: (1/2 + 2/4) / 3 = 0.333333333
        assertThat(map(4).score(RANKING, GRADED)).isCloseTo(1.0 / 3, EXACT);
        // Divides by R even when k < R: two relevant judged, AP@1 with the top one relevant = (1/1) / 2 = 0.5
        assertThat(map(1).score(List.of("a", "b"), Map.of("a", 1, "b", 1))).isCloseTo(0.5, EXACT);
    }

    @Test
    void aRepeatedIdCountsOnlyAtItsFirstRank() {
        // Judgements a=1, b=1. Ranking a, a, x, b reads as a, x, b:
        // recall@2 = 1/2 (a only; counting the repeat would claim 2/2); P@2 = 1/2;
        // AP = (1/1 + 2/3) / 2 = 0.833333333; nDCG@3 = (1 + 1/log2(4)) / (1 + 1/log2(3)) = 1.5 / 1.630929754 = 0.919720
        Map<String, Integer> judgements = Map.of("a", 1, "b", 1);
        List<String> ranking = List.of("a", "a", "x", "b");
        assertThat(recall(2).score(ranking, judgements)).isCloseTo(0.5, EXACT);
        assertThat(precision(2).score(ranking, judgements)).isCloseTo(0.5, EXACT);
        assertThat(map().score(ranking, judgements)).isCloseTo((1 + 2.0 / 3) / 2, EXACT);
        assertThat(ndcg(3).score(ranking, judgements)).isCloseTo(1.5 / (1 + 1 / log2(3)), EXACT)
                .isCloseTo(0.9197207891481876, DECIMAL);
    }

    @Test
    void negativeGradesCountAsNotRelevant() {
        // Judgements a=-1, b=1. Ranking a, b: rank 1 gains nothing (as trec_eval, which counts only gains > 0).
        // nDCG@2 = (1/log2(3)) / 1 = 0.630929754; recall@1 = 0; MRR = 1/2.
        Map<String, Integer> judgements = Map.of("a", -1, "b", 1);
        List<String> ranking = List.of("a", "b");
        assertThat(ndcg(2).score(ranking, judgements)).isCloseTo(0.6309297535714575, DECIMAL);
        assertThat(recall(1).score(ranking, judgements)).isZero();
        assertThat(mrr(10).score(ranking, judgements)).isCloseTo(0.5, EXACT);
    }

    @Test
    void anEmptyRankingScoresZeroEverywhere() {
        for (RetrievalMetric metric : List.of(ndcg(10), recall(10), precision(10), mrr(10), map(10), map())) {
            assertThat(metric.score(List.of(), GRADED)).as(metric.name()).isZero();
        }
    }

    @Test
    void isUndefinedWithoutARelevantDocument() {
        assertThatThrownBy(() -> ndcg(10).score(List.of("a"), Map.of("a", 0, "b", -1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ndcg@10 is undefined for a query without relevant documents");
        assertThatThrownBy(() -> recall(10).score(List.of("a"), Map.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesNullOrBlankIdsAndBadCutoffs() {
        assertThatThrownBy(() -> ndcg(10).score(Arrays.asList("a", null), GRADED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ranking[1] must be a document id, was null");
        assertThatThrownBy(() -> ndcg(10).score(List.of("a", " "), GRADED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ranking[1] must be a document id, was \" \"");
        assertThatThrownBy(() -> ndcg(0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ndcg cutoff k must be >= 1, was 0");
        assertThatThrownBy(() -> new RetrievalMetric.Precision(RetrievalMetric.NO_CUTOFF))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("precision needs a finite cutoff");
    }

    @Test
    void namesRoundTripThroughParse() {
        for (RetrievalMetric metric : List.of(ndcg(10), recall(100), precision(5), mrr(10), map(100), map(),
                new RetrievalMetric.Ndcg(RetrievalMetric.NO_CUTOFF))) {
            assertThat(RetrievalMetric.parse(metric.name())).isEqualTo(metric);
        }
        assertThat(map().name()).isEqualTo("map");
        assertThat(ndcg(10).toString()).isEqualTo("ndcg@10");
        assertThat(RetrievalMetric.parse(" NDCG@10 ")).isEqualTo(ndcg(10));
        assertThat(RetrievalMetric.parse("P@5")).isEqualTo(precision(5));
        assertThat(RetrievalMetric.parse("mrr")).isEqualTo(mrr(RetrievalMetric.NO_CUTOFF));
        for (String bad : List.of("ndcg@", "ndcg@0", "f1@10", "precision", "map@99999999999")) {
            assertThatThrownBy(() -> RetrievalMetric.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
