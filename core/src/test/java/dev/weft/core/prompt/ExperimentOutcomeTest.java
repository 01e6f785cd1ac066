package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.RequestContext;
import dev.weft.testing.Generated;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Outcomes: what the report says, and that concurrent recording loses nothing. */
class ExperimentOutcomeTest {

    private static Experiment experiment() {
        return Experiment.builder("support-tone")
                .variant("control", ExperimentAssignmentTest.CONTROL, 1)
                .variant("friendly", ExperimentAssignmentTest.FRIENDLY, 1)
                .build();
    }

    @Test
    void theReportGivesCountsMeansAndStandardErrors() {
        Experiment experiment = experiment();
        for (double outcome : new double[] {1, 0, 1, 1}) {
            experiment.recordOutcome("control", outcome);
        }
        for (double outcome : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            experiment.recordOutcome("friendly", outcome);
        }

        ExperimentReport report = experiment.report();

        // control: mean 3/4; s² = (3·(1/4)² + (3/4)²)/3 = 1/4; SE = sqrt(1/4 / 4) = 1/4.
        assertThat(report.variant("control")).isEqualTo(new ExperimentReport.VariantResult("control", "support.answer",
                PromptVersion.parse("1.0.0"), 1, 0, 4, 0.75, 0.25));
        // friendly: mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; s² = 32/7; SE = sqrt(32/7/8) = sqrt(4/7).
        ExperimentReport.VariantResult friendly = report.variant("friendly");
        assertThat(friendly.outcomes()).isEqualTo(8);
        assertThat(friendly.mean()).isEqualTo(5.0);
        assertThat(friendly.standardError()).isCloseTo(Math.sqrt(4.0 / 7), within(1e-15));
        assertThat(report.experimentId()).isEqualTo("support-tone");
        assertThat(report.unenrolled()).isZero();
    }

    @Test
    void tooFewOutcomesGiveNaN() {
        Experiment experiment = experiment();
        experiment.recordOutcome("control", 0.5);

        ExperimentReport report = experiment.report();

        assertThat(report.variant("control").mean()).isEqualTo(0.5);
        assertThat(report.variant("control").standardError()).isNaN();
        assertThat(report.variant("friendly").mean()).isNaN();
        assertThat(report.variant("friendly").standardError()).isNaN();
        assertThatThrownBy(() -> report.variant("nope")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no variant 'nope'; its variants are [control, friendly]");
    }

    @Test
    void outcomesAreRecordedByAssignmentOrByTheStampedContext() {
        Experiment experiment = experiment();
        Assignment assignment = experiment.assign(RequestContext.builder().userId("user-9").build());

        assertThat(experiment.recordOutcome(assignment, 1)).isTrue();
        assertThat(experiment.recordOutcome(assignment.render(Map.of("q", "x")).context(), 0)).isTrue();
        assertThat(experiment.recordOutcome(RequestContext.EMPTY, 1)).isFalse();

        ExperimentReport.VariantResult result = experiment.report().variant(assignment.variant().name());
        assertThat(result.assignments()).isOne();
        assertThat(result.outcomes()).isEqualTo(2);
        assertThat(result.mean()).isEqualTo(0.5);
    }

    @Test
    void outcomesForSomethingElseAreRefused() {
        Experiment experiment = experiment();
        Experiment other = Experiment.builder("other").variant("control", ExperimentAssignmentTest.CONTROL, 1).build();
        Assignment foreign = other.assign(RequestContext.builder().userId("u").build());

        assertThatThrownBy(() -> experiment.recordOutcome(foreign, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("an assignment of experiment 'other' was recorded on experiment 'support-tone'");
        assertThatThrownBy(() -> experiment.recordOutcome(foreign.context(), 1))
                .hasMessageContaining("a context stamped by experiment 'other'");
        assertThatThrownBy(() -> experiment.recordOutcome("nope", 1))
                .hasMessageContaining("has no variant 'nope'; its variants are [control, friendly]");
        assertThatThrownBy(() -> experiment.recordOutcome("control", Double.NaN)).hasMessageContaining("must be a finite number");
        assertThatThrownBy(() -> experiment.recordOutcome("control", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        RequestContext noVariant = RequestContext.builder().attribute(RequestContext.EXPERIMENT_ID, "support-tone").build();
        assertThatThrownBy(() -> experiment.recordOutcome(noVariant, 1)).hasMessageContaining("has no variant ''");
    }

    static Stream<Arguments> outcomeLists() {
        return Generated.cases(100, random -> {
            double offset = random.oneOf(0.0, 3.0, 1_000.0);
            double scale = random.oneOf(1.0, 0.01, 100.0);
            List<Double> outcomes = new ArrayList<>();
            for (int i = random.intRange(2, 200); i > 0; i--) {
                outcomes.add(random.trueOrFalse(0.2) ? random.oneOf(0.0, 1.0) : offset + scale * random.doubleRange(-1, 1));
            }
            return outcomes;
        });
    }

    /** The running statistics agree with the textbook formulas computed exactly in decimal. */
    @ParameterizedTest
    @MethodSource("outcomeLists")
    void runningStatisticsMatchExactArithmetic(List<Double> outcomes) {
        Experiment experiment = experiment();
        outcomes.forEach(o -> experiment.recordOutcome("control", o));

        MathContext precision = MathContext.DECIMAL128;
        BigDecimal n = BigDecimal.valueOf(outcomes.size());
        BigDecimal sum = outcomes.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(n, precision);
        BigDecimal squares = outcomes.stream().map(o -> new BigDecimal(o).subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        double standardError = squares.divide(n.subtract(BigDecimal.ONE), precision).divide(n, precision).sqrt(precision).doubleValue();

        ExperimentReport.VariantResult result = experiment.report().variant("control");
        assertThat(result.outcomes()).isEqualTo(outcomes.size());
        assertThat(result.mean()).isCloseTo(mean.doubleValue(), within(1e-12 * Math.max(1, Math.abs(mean.doubleValue()))));
        assertThat(result.standardError()).isCloseTo(standardError, within(1e-9 * standardError));
    }

    /**
     * Four threads each record 25,000 outcomes (every other one a 1) while reports are taken: the totals are
     * exact, and every snapshot a report took is consistent (its mean times its count is a whole number of ones).
     */
    @Test
    void concurrentRecordingLosesNothingAndSnapshotsAreConsistent() throws Exception {
        Experiment experiment = experiment();
        int threads = 4;
        int each = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String variant = t % 2 == 0 ? "control" : "friendly";
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        experiment.recordOutcome(variant, i % 2);
                        if (i % 5 == 0) {
                            experiment.assign(RequestContext.builder().userId("t" + thread + "-" + i).build());
                        }
                    }
                    return null;
                }));
            }
            Future<List<ExperimentReport>> reader = pool.submit(() -> {
                start.await();
                List<ExperimentReport> reports = new ArrayList<>();
                while (!writers.stream().allMatch(Future::isDone)) {
                    reports.add(experiment.report());
                }
                return reports;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            for (ExperimentReport report : reader.get()) {
                for (ExperimentReport.VariantResult v : report.variants()) {
                    if (v.outcomes() > 0) {
                        double ones = v.mean() * v.outcomes();
                        assertThat(ones).as("snapshot %s", v).isCloseTo(Math.rint(ones), within(1e-6));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        ExperimentReport report = experiment.report();
        for (String variant : List.of("control", "friendly")) {
            ExperimentReport.VariantResult v = report.variant(variant);
            assertThat(v.outcomes()).isEqualTo(2L * each);
            assertThat(v.mean()).isCloseTo(0.5, within(1e-12));
        }
        assertThat(report.variants().stream().mapToLong(ExperimentReport.VariantResult::assignments).sum())
                .isEqualTo((long) threads * each / 5);
    }
}
