package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.testing.Generated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hard budgets under concurrency, over generated calls whose actual usage is above or below their estimate and generated
 * per-user limits (each user the default, a limit of their own above or below it, or zero; given as a table or a
 * lookup), with a soft total budget per user whose limits are generated the same way. Calls are
 * dealt to 1–6 threads, each making its calls one after another, in lockstep rounds: a {@link Phaser} holds every
 * admitted call inside the model until each thread's call of the round has been admitted or refused, so that every
 * admission decision of a round is taken while the round's other admitted calls are in flight — the interleaving where
 * shared headroom is most contended — and at most {@code threads} calls are ever in flight. For each budget line:
 *
 * <ul>
 *   <li>what it spent is at most its key's own limit plus the sum of the {@code threads} largest positive estimation errors
 *       ({@code actual - estimate}) among the calls it admitted. A call is admitted only when the line's spent and
 *       reserved amounts plus its estimate fit; only calls already in flight at the last admission can push the line
 *       further, by their errors. With one thread that is the brief's "one call's estimation error"; with more, one
 *       error per call in flight is the true bound, since serialising calls per budget would hold a lock across the
 *       model call;</li>
 *   <li>it spent exactly the sum of the actual costs of the calls it admitted, and holds no reservation at the end;</li>
 *   <li>a user whose limit is zero had no call admitted;</li>
 *   <li>every soft breach names the limit of its own user, and the call did not fit in it
 *       ({@code spent + reserved + estimate > limit}).</li>
 * </ul>
 *
 * Every call is either answered or refused with {@link BudgetExceededException}, and only answered calls reach the
 * model. The case's seed is in its name.
 */
class BudgetsConcurrencyPropertyTest {
    private static final Pricing PRICE = Pricing.perMillion("3", "15", "USD");
    private static final List<String> USERS = List.of("u0", "u1", "u2");

    record Call(String user, ChatRequest request, BigDecimal estimate, BigDecimal actual) {
        BigDecimal excess() {
            return actual.subtract(estimate);
        }
    }

    /**
     * @param userLimits each user's hard daily limit
     * @param hardLimits how the hard budget is given them (a table or a lookup)
     * @param softLimits each user's soft total limit
     * @param soft how the soft budget is given them
     */
    record Scenario(int threads, List<Call> calls, Map<String, BigDecimal> userLimits, BudgetLimits hardLimits,
            Map<String, BigDecimal> softLimits, BudgetLimits soft, BigDecimal globalLimit) {
        @Override
        public String toString() {
            return calls.size() + " calls on " + threads + " threads, user limits " + new TreeMap<>(userLimits) + " ("
                    + hardLimits.getClass().getSimpleName() + "), soft limits " + new TreeMap<>(softLimits) + ", global limit "
                    + globalLimit;
        }
    }

    private static final Budgets ESTIMATOR = Budgets.builder().build();

    static Scenario generate(Random r) {
        int n = r.intRange(40, 250);
        List<Call> calls = new ArrayList<>(n);
        BigDecimal estimates = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            String user = r.oneOf(USERS);
            int maxTokens = r.intRange(1, 400);
            String text = r.alphanumeric(r.intRange(1, 600));
            TokenUsage estimated = ESTIMATOR.estimateUsage(UsageScriptedModel.request(user, text, maxTokens, TokenUsage.ZERO));
            // The actual usage is off the estimate either way: input by up to half, output anywhere up to 1.5 × maxTokens.
            long input = Math.max(0, estimated.inputTokens() + r.intRange((int) -estimated.inputTokens() / 2, (int) estimated.inputTokens() / 2));
            long output = r.intRange(0, maxTokens + maxTokens / 2);
            TokenUsage actual = new TokenUsage(input, output);
            BigDecimal estimate = PRICE.cost(estimated);
            calls.add(new Call(user, UsageScriptedModel.request(user, text, maxTokens, actual), estimate, PRICE.cost(actual)));
            estimates = estimates.add(estimate);
        }
        BigDecimal global = estimates.multiply(BigDecimal.valueOf(r.intRange(20, 90))).movePointLeft(2);
        Map<String, BigDecimal> hard = new HashMap<>();
        BudgetLimits hardLimits = perUserLimits(r, estimates, hard);
        Map<String, BigDecimal> soft = new HashMap<>();
        BudgetLimits softLimits = perUserLimits(r, estimates, soft);
        return new Scenario(r.intRange(1, 6), calls, hard, hardLimits, soft, softLimits, global);
    }

    /**
     * A default limit of 10–60 % of {@code estimates}, and for each user that default, a limit of their own (1–80 %), or
     * zero; as a table or as a lookup (which returns null for a user on the default). Puts each user's limit in
     * {@code resolved}.
     */
    static BudgetLimits perUserLimits(Random r, BigDecimal estimates, Map<String, BigDecimal> resolved) {
        BigDecimal byDefault = estimates.multiply(BigDecimal.valueOf(r.intRange(10, 60))).movePointLeft(2);
        Map<String, BigDecimal> own = new HashMap<>();
        for (String user : USERS) {
            int kind = r.intRange(0, 7);
            if (kind == 0) {
                own.put(user, BigDecimal.ZERO);
            } else if (kind <= 3) {
                own.put(user, estimates.multiply(BigDecimal.valueOf(r.intRange(1, 80))).movePointLeft(2));
            }
            resolved.put(user, own.getOrDefault(user, byDefault));
        }
        if (r.trueOrFalse()) {
            return new BudgetLimits.Table(byDefault, own);
        }
        Map<String, BigDecimal> plans = Map.copyOf(own);
        return BudgetLimits.by(byDefault, plans::get);
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(40, BudgetsConcurrencyPropertyTest::generate);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aHardBudgetIsExceededByNoMoreThanTheEstimationErrorsOfTheCallsInFlight(Scenario scenario) throws Exception {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        CostLedger ledger = CostLedger.builder().clock(() -> now).build();
        Phaser rounds = new Phaser(scenario.threads());
        UsageScriptedModel model = new UsageScriptedModel(CostFixtures.priced("m", PRICE), rounds::arriveAndAwaitAdvance);
        List<BudgetBreach> breaches = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model).with(Budgets.builder().ledger(ledger)
                .hard(CostScope.USER, Window.DAILY, scenario.hardLimits())
                .hard(CostScope.GLOBAL, Window.TOTAL, scenario.globalLimit())
                .soft(CostScope.USER, Window.TOTAL, scenario.soft())
                .listener(e -> {
                    if (e instanceof BudgetBreach b && !b.refused()) {
                        breaches.add(b);
                    }
                })
                .build()).build();

        boolean[] admitted = runInRounds(pipeline, scenario, rounds);

        List<Call> answered = IntStream.range(0, admitted.length).filter(i -> admitted[i]).mapToObj(scenario.calls()::get).toList();
        assertThat(model.calls()).as("%s: only admitted calls reach the model", scenario).isEqualTo(answered.size());

        checkLine(scenario, "global", ledger.globalTotal(), scenario.globalLimit(), answered);
        for (String user : USERS) {
            List<Call> theirs = answered.stream().filter(c -> c.user().equals(user)).toList();
            BigDecimal limit = scenario.userLimits().get(user);
            checkLine(scenario, user, ledger.total(CostScope.USER, user, ledger.today()), limit, theirs);
            if (limit.signum() == 0) {
                assertThat(theirs).as("%s: %s has limit zero, so no priced call of theirs is admitted", scenario, user).isEmpty();
            }
        }
        for (BudgetBreach b : breaches) {
            BigDecimal own = scenario.softLimits().get(b.key());
            assertThat(b.limit()).as("%s: a soft breach of %s reports their own limit", scenario, b.key()).isEqualByComparingTo(own);
            assertThat(b.spent().add(b.reserved()).add(b.estimate()))
                    .as("%s: %s's breached call did not fit in their limit %s", scenario, b.key(), own).isGreaterThan(own);
        }
    }

    private static void checkLine(Scenario scenario, String line, CostTotal total, BigDecimal limit, List<Call> admitted) {
        String what = scenario + ", line " + line;
        BigDecimal actual = admitted.stream().map(Call::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.spent()).as("%s: spent is the sum of the admitted calls' actual costs", what).isEqualByComparingTo(actual);
        assertThat(total.reserved()).as("%s: no reservation is left", what).isEqualByComparingTo("0");
        assertThat(total.calls()).as(what).isEqualTo(admitted.size());

        BigDecimal slack = admitted.stream().map(Call::excess).filter(positive())
                .sorted(Comparator.reverseOrder()).limit(scenario.threads()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.spent()).as("%s: spent <= limit %s + the %d largest estimation errors %s", what, limit, scenario.threads(), slack)
                .isLessThanOrEqualTo(limit.add(slack));
    }

    private static Predicate<BigDecimal> positive() {
        return d -> d.signum() > 0;
    }

    /**
     * Deals the calls round-robin to the threads and runs them in rounds (a refused call arrives at {@code rounds} itself;
     * an admitted one arrives inside the model), saying which calls were answered. A thread leaves the rounds when its
     * calls are done or it failed; any failure other than a refusal fails the test.
     */
    private static boolean[] runInRounds(ChatModel pipeline, Scenario scenario, Phaser rounds) throws Exception {
        int threads = scenario.threads();
        boolean[] admitted = new boolean[scenario.calls().size()]; // each index written by one thread, read after get()
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    try {
                        for (int i = first; i < scenario.calls().size(); i += threads) {
                            try {
                                pipeline.chat(scenario.calls().get(i).request());
                                admitted[i] = true;
                            } catch (BudgetExceededException e) {
                                rounds.arriveAndAwaitAdvance();
                            }
                        }
                    } finally {
                        rounds.arriveAndDeregister();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return admitted;
    }
}
