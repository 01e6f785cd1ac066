package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.testing.Generated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the interleaving, a ledger's lines equal the sums of the calls recorded in them: generated sequences of
 * calls (users, tenants, features, models, usage and days drawn from small pools so that lines are contended) are
 * recorded from several threads released together, and every line of the snapshot must equal the exact sum, count and
 * token totals computed one call at a time. The case's seed is in its name.
 */
class CostLedgerConcurrencyPropertyTest {
    private static final List<ModelInfo> MODELS = List.of(
            model("gpt-4o-mini", "0.15", "0.60"), model("gpt-4o", "2.50", "10.00"),
            model("flash", "0.075", "0.30"), model("odd", "0.0375", "1.337"), model("local", "0", "0"));
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    record Call(String user, String tenant, String feature, ModelInfo model, TokenUsage usage, Instant at) {
        CostEntry entry() {
            RequestContext ctx = RequestContext.builder().userId(user).tenantId(tenant).feature(feature).build();
            return new CostEntry(at, ctx, model, usage, model.pricing().cost(usage), "USD", false);
        }
    }

    record Scenario(int threads, List<Call> calls) {
        @Override
        public String toString() {
            return calls.size() + " calls on " + threads + " threads";
        }
    }

    static Scenario generate(Random r) {
        int n = r.intRange(50, 400);
        List<Call> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(new Call(
                    r.oneOf("u0", "u1", "u2", "u3", null),
                    r.oneOf("acme", "globex", null),
                    r.oneOf("chat", "search", "summary", null),
                    r.oneOf(MODELS),
                    new TokenUsage(r.intRange(0, 20_000), r.intRange(0, 4_000)),
                    START.plusSeconds(r.longRange(0, 4 * 86_400 - 1))));
        }
        return new Scenario(r.intRange(2, 6), calls);
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(40, CostLedgerConcurrencyPropertyTest::generate);
    }

    /** What one line should hold. */
    record Expected(BigDecimal spent, long calls, long input, long output) {
        static final Expected ZERO = new Expected(BigDecimal.ZERO, 0, 0, 0);

        Expected plus(CostEntry e) {
            return new Expected(spent.add(e.cost()), calls + 1, input + e.usage().inputTokens(), output + e.usage().outputTokens());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyLineEqualsTheSumOfItsCallsUnderAnyInterleaving(Scenario scenario) throws Exception {
        CostLedger ledger = CostLedger.builder().clock(() -> START).build();
        recordConcurrently(ledger, scenario);

        Map<String, Expected> expected = new HashMap<>();
        for (Call c : scenario.calls()) {
            CostEntry e = c.entry();
            LocalDate day = LocalDate.ofInstant(c.at(), ZoneOffset.UTC);
            for (CostScope scope : CostScope.values()) {
                String key = scope.keyOf(e.context(), e.model().id());
                if (key != null) {
                    expected.merge(line(scope, key, null), Expected.ZERO.plus(e), (a, b) -> a.plus(e));
                    expected.merge(line(scope, key, day), Expected.ZERO.plus(e), (a, b) -> a.plus(e));
                }
            }
        }

        List<CostTotal> snapshot = ledger.snapshot();
        assertThat(snapshot).as("%s: lines", scenario).extracting(t -> line(t.scope(), t.key(), t.day()))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (CostTotal t : snapshot) {
            Expected want = expected.get(line(t.scope(), t.key(), t.day()));
            String what = scenario + ": " + line(t.scope(), t.key(), t.day());
            assertThat(t.spent()).as(what).isEqualByComparingTo(want.spent());
            assertThat(t.calls()).as(what).isEqualTo(want.calls());
            assertThat(t.inputTokens()).as(what).isEqualTo(want.input());
            assertThat(t.outputTokens()).as(what).isEqualTo(want.output());
            assertThat(t.reserved()).as(what).isEqualByComparingTo("0");
        }
        BigDecimal all = scenario.calls().stream().map(c -> c.entry().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ledger.globalTotal().spent()).as(scenario.toString()).isEqualByComparingTo(all);
    }

    /** Deals the calls round-robin to the threads, releases them together, and waits for them all. */
    static void recordConcurrently(CostLedger ledger, Scenario scenario) throws Exception {
        int threads = scenario.threads();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < scenario.calls().size(); i += threads) {
                        ledger.record(scenario.calls().get(i).entry());
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
    }

    private static String line(CostScope scope, String key, LocalDate day) {
        return scope + "/" + key + "/" + (day == null ? "all" : day);
    }

    private static ModelInfo model(String id, String input, String output) {
        return ModelInfo.builder(id, "test").pricing(Pricing.perMillion(input, output, "USD")).build();
    }
}
