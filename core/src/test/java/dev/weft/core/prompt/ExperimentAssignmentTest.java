package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Experiment#assign}: sticky, the same on every JVM, in proportion to the weights, and stamped. */
class ExperimentAssignmentTest {
    /** The seed of the generated user ids in the weight test; java.util.Random's sequence is fixed by its spec. */
    static final long USERS_SEED = 20_240_505L;
    static final int USERS = 10_000;

    static final Prompt CONTROL = prompt("1.0.0", "Answer: {{q}}");
    static final Prompt FRIENDLY = prompt("1.1.0", "Answer warmly: {{q}}");
    static final Prompt TERSE = prompt("1.2.0", "Answer in five words: {{q}}");

    static Prompt prompt(String version, String body) {
        return Prompt.parse("support-" + version + ".prompt", "---\nid: support.answer\nversion: " + version + "\n---\n" + body + "\n");
    }

    static Experiment tone() {
        return Experiment.builder("support-tone")
                .variant("control", CONTROL, 50)
                .variant("friendly", FRIENDLY, 30)
                .variant("terse", TERSE, 20)
                .build();
    }

    private static RequestContext user(String id) {
        return RequestContext.builder().userId(id).build();
    }

    @Test
    void bucketsMatchSha256ComputedOutsideJava() {
        // Python: (int.from_bytes(sha256(len(e).to_bytes(4, "big") + e + u).digest()[:8], "big") >> 11) / 2**53
        assertThat(UserBucket.of("support-tone", "user-1")).isEqualTo(0.8395606697018907);
        assertThat(UserBucket.of("support-tone", "user-2")).isEqualTo(0.553115184050713);
        assertThat(UserBucket.of("support-tone", "ünïcødé-🙂")).isEqualTo(0.06517419071901176);
        assertThat(UserBucket.of("other", "user-1")).isEqualTo(0.25341779655511043);
        assertThat(UserBucket.of("support-tone", "")).isEqualTo(0.5019105641685728);
    }

    @Test
    void assignmentsAreTheSameInEveryNewExperimentInstance() {
        assertThat(tone().assign(user("user-1")).variant().name()).isEqualTo("terse");
        assertThat(tone().assign(user("user-2")).variant().name()).isEqualTo("friendly");
        assertThat(tone().assign(user("ünïcødé-🙂")).variant().name()).isEqualTo("control");

        Random random = new Random(USERS_SEED);
        Experiment first = tone();
        for (int i = 0; i < 1_000; i++) {
            String id = Long.toHexString(random.nextLong());
            String variant = first.assign(user(id)).variant().name();
            assertThat(first.assign(user(id)).variant().name()).isEqualTo(variant);
            assertThat(tone().variantFor(id).name()).as("user %s", id).isEqualTo(variant);
        }
    }

    @Test
    void anotherExperimentIdShufflesUsersIndependently() {
        Experiment a = tone();
        Experiment b = Experiment.builder("support-tone-2").variant("control", CONTROL, 50).variant("friendly", FRIENDLY, 30)
                .variant("terse", TERSE, 20).build();
        Random random = new Random(USERS_SEED);
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            String id = "u" + random.nextInt();
            if (a.variantFor(id).name().equals(b.variantFor(id).name())) {
                same++;
            }
        }
        // Independent assignments agree with probability .5² + .3² + .2² = .38: 380 expected, sd about 15.
        assertThat(same).isBetween(300, 460);
    }

    static Stream<Arguments> weightings() {
        return Stream.of(
                Arguments.of(List.of(50.0, 30.0, 20.0)),
                Arguments.of(List.of(90.0, 9.0, 1.0)),
                Arguments.of(List.of(1.0, 1.0, 1.0, 1.0)),
                Arguments.of(List.of(0.25, 0.75)));
    }

    /**
     * 10,000 user ids from {@code new Random(20240505)}: each variant's count lies within five binomial standard
     * deviations of {@code n·p} (a bound a correct hash misses with probability below 10⁻⁵ per variant; the seed
     * is fixed, so the result never changes from run to run).
     */
    @ParameterizedTest(name = "weights {0}, user seed " + USERS_SEED)
    @MethodSource("weightings")
    void variantsGetUsersInProportionToTheirWeights(List<Double> weights) {
        Experiment.Builder builder = Experiment.builder("weights-" + weights);
        for (int i = 0; i < weights.size(); i++) {
            builder.variant("v" + i, CONTROL, weights.get(i));
        }
        Experiment experiment = builder.build();
        Random random = new Random(USERS_SEED);
        for (int i = 0; i < USERS; i++) {
            experiment.assign(user("user-" + Long.toUnsignedString(random.nextLong(), 36)));
        }

        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        ExperimentReport report = experiment.report();
        for (int i = 0; i < weights.size(); i++) {
            double p = weights.get(i) / total;
            double expected = USERS * p;
            double tolerance = 5 * Math.sqrt(USERS * p * (1 - p));
            assertThat((double) report.variants().get(i).assignments())
                    .as("variant v%d, weight %s of %s, seed %d", i, weights.get(i), weights, USERS_SEED)
                    .isBetween(expected - tolerance, expected + tolerance);
        }
        assertThat(report.variants().stream().mapToLong(ExperimentReport.VariantResult::assignments).sum()).isEqualTo(USERS);
    }

    @Test
    void anAssignmentStampsTheContextAndRenderingAddsThePrompt() {
        RequestContext caller = RequestContext.builder().userId("user-2").tenantId("acme").attribute("request.id", "r-7").build();

        Assignment assignment = tone().assign(caller);
        ChatRequest request = assignment.render(Map.of("q", "Why?"));

        assertThat(assignment.enrolled()).isTrue();
        assertThat(assignment.experimentId()).isEqualTo("support-tone");
        assertThat(assignment.prompt()).isSameAs(FRIENDLY);
        assertThat(request.lastUserText()).isEqualTo("Answer warmly: Why?");
        assertThat(request.context().userId()).isEqualTo("user-2");
        assertThat(request.context().tenantId()).isEqualTo("acme");
        assertThat(request.context().attributes()).containsOnly(
                Map.entry("request.id", "r-7"),
                Map.entry(RequestContext.EXPERIMENT_ID, "support-tone"),
                Map.entry(RequestContext.EXPERIMENT_VARIANT, "friendly"),
                Map.entry(RequestContext.PROMPT_ID, "support.answer"),
                Map.entry(RequestContext.PROMPT_VERSION, "1.1.0"),
                Map.entry(RequestContext.PROMPT_HASH, FRIENDLY.hash()));
        assertThat(assignment.requestBuilder(Map.of("q", "Why?")).user("More?").build().messages()).hasSize(2);
    }

    @Test
    void withoutAUserIdAssignmentIsRefusedByDefault() {
        Experiment experiment = tone();

        for (RequestContext context : new RequestContext[] {null, RequestContext.EMPTY, user(" ")}) {
            assertThatThrownBy(() -> experiment.assign(context)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("experiment 'support-tone' assigns variants by user id, but the request context has none");
        }
        assertThat(experiment.report().variants()).allSatisfy(v -> assertThat(v.assignments()).isZero());
    }

    @Test
    void withoutAUserIdTheFallbackIsServedOutsideTheExperiment() {
        Experiment experiment = Experiment.builder("support-tone").variant("control", CONTROL, 50).variant("friendly", FRIENDLY, 50)
                .fallbackVariant("control").build();
        RequestContext anonymous = RequestContext.builder().attribute("request.id", "r-1").build();

        Assignment assignment = experiment.assign(anonymous);

        assertThat(assignment.enrolled()).isFalse();
        assertThat(assignment.variant().name()).isEqualTo("control");
        assertThat(assignment.context()).isEqualTo(anonymous);
        assertThat(assignment.render(Map.of("q", "x")).context().attributes())
                .doesNotContainKeys(RequestContext.EXPERIMENT_ID, RequestContext.EXPERIMENT_VARIANT)
                .containsKey(RequestContext.PROMPT_HASH);
        assertThat(experiment.recordOutcome(assignment, 1)).isFalse();
        assertThat(experiment.recordOutcome(assignment.context(), 1)).isFalse();
        ExperimentReport report = experiment.report();
        assertThat(report.unenrolled()).isOne();
        assertThat(report.variant("control").assignments()).isZero();
        assertThat(report.variant("control").outcomes()).isZero();
        assertThat(experiment.fallbackVariant()).map(Variant::name).contains("control");
    }

    @Test
    void variantForNeitherCountsNorStamps() {
        Experiment experiment = tone();

        assertThat(experiment.variantFor("user-1").name()).isEqualTo("terse");
        assertThat(experiment.report().variant("terse").assignments()).isZero();
    }

    @Test
    void theBuilderNamesWhatIsWrong() {
        assertThatThrownBy(() -> Experiment.builder(" ").variant("a", CONTROL, 1).build()).hasMessageContaining("experiment id");
        assertThatThrownBy(() -> Experiment.builder("e").build()).hasMessageContaining("needs at least one variant");
        assertThatThrownBy(() -> Experiment.builder("e").variant("a", CONTROL, 1).variant("a", FRIENDLY, 1).build())
                .hasMessageContaining("two variants called 'a'");
        assertThatThrownBy(() -> Experiment.builder("e").variant("a", CONTROL, 0)).hasMessageContaining("weight of variant 'a'");
        assertThatThrownBy(() -> Experiment.builder("e").variant("a", CONTROL, Double.NaN)).hasMessageContaining("weight of variant 'a'");
        assertThatThrownBy(() -> Experiment.builder("e").variant("a", null, 1)).hasMessageContaining("prompt of variant 'a'");
        assertThatThrownBy(() -> Experiment.builder("e").variant("a", CONTROL, 1).fallbackVariant("b").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fallbackVariant 'b' is not a variant");
        assertThat(Experiment.builder("e").variant(CONTROL, 1).build().variants()).extracting(Variant::name)
                .containsExactly("support.answer@1.0.0");
    }

    @Test
    void aSingleVariantTakesEveryone() {
        Experiment experiment = Experiment.builder("solo").variant("only", CONTROL, 3).build();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            counts.merge(experiment.assign(user("u" + i)).variant().name(), 1, Integer::sum);
        }
        assertThat(counts).containsExactly(Map.entry("only", 100));
    }
}
