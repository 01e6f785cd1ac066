package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.testing.Generated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-key limits against an exact model, one call at a time, over generated call sequences of several users and tenants
 * whose actual usage is off their estimate either way, under a hard daily budget per user and a soft total budget per
 * tenant whose limits are generated per key (the default, a limit of the key's own, or zero; as a table or a lookup).
 * With no call in flight the outcome of every call is known: a call is refused exactly when its user's spending plus its
 * estimate exceeds that user's limit, and the refusal reports that limit; an admitted call is reported as a soft breach
 * exactly when its tenant's spending plus its estimate exceeds that tenant's limit, and the breach reports that limit.
 * The case's seed is in its name.
 */
class BudgetsPerKeyLimitsPropertyTest {
    private static final Pricing PRICE = Pricing.perMillion("3", "15", "USD");
    private static final List<String> USERS = List.of("u0", "u1", "u2", "u3");
    private static final List<String> TENANTS = List.of("t0", "t1", "t2");
    private static final Budgets ESTIMATOR = Budgets.builder().build();

    record Call(String user, String tenant, ChatRequest request, BigDecimal estimate, BigDecimal actual) {}

    record Scenario(List<Call> calls, Map<String, BigDecimal> userLimits, BudgetLimits userBudget,
            Map<String, BigDecimal> tenantLimits, BudgetLimits tenantBudget) {
        @Override
        public String toString() {
            return calls.size() + " calls, user limits " + new TreeMap<>(userLimits) + " (" + userBudget.getClass().getSimpleName()
                    + "), tenant limits " + new TreeMap<>(tenantLimits) + " (" + tenantBudget.getClass().getSimpleName() + ")";
        }
    }

    /** What happened to one call: refused by its user's budget, or answered with or without a soft breach of its tenant's. */
    record Outcome(String kind, String key, String limit, String spent) {
        static Outcome of(String kind, String key, BigDecimal limit, BigDecimal spent) {
            return new Outcome(kind, key, plain(limit), plain(spent));
        }

        private static String plain(BigDecimal d) {
            return d == null ? "-" : d.stripTrailingZeros().toPlainString();
        }
    }

    static Scenario generate(Random r) {
        int n = r.intRange(20, 150);
        List<Call> calls = new ArrayList<>(n);
        BigDecimal estimates = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            String user = r.oneOf(USERS);
            String tenant = r.oneOf(TENANTS);
            int maxTokens = r.intRange(1, 400);
            String text = r.alphanumeric(r.intRange(1, 600));
            TokenUsage estimated = ESTIMATOR.estimateUsage(request(user, tenant, text, maxTokens, TokenUsage.ZERO));
            long input = Math.max(0, estimated.inputTokens() + r.intRange((int) -estimated.inputTokens() / 2, (int) estimated.inputTokens() / 2));
            TokenUsage actual = new TokenUsage(input, r.intRange(0, maxTokens + maxTokens / 2));
            BigDecimal estimate = PRICE.cost(estimated);
            calls.add(new Call(user, tenant, request(user, tenant, text, maxTokens, actual), estimate, PRICE.cost(actual)));
            estimates = estimates.add(estimate);
        }
        Map<String, BigDecimal> users = new HashMap<>();
        BudgetLimits userBudget = limits(r, USERS, estimates.divide(BigDecimal.valueOf(USERS.size()), 12, RoundingMode.DOWN), users);
        Map<String, BigDecimal> tenants = new HashMap<>();
        BudgetLimits tenantBudget = limits(r, TENANTS, estimates.divide(BigDecimal.valueOf(TENANTS.size()), 12, RoundingMode.DOWN), tenants);
        return new Scenario(calls, users, userBudget, tenants, tenantBudget);
    }

    /**
     * A default of 5–120 % of {@code share}, and for each key that default, a limit of its own (0–150 %), or zero; as a
     * table or a lookup (null for a key on the default). Puts each key's limit in {@code resolved}.
     */
    private static BudgetLimits limits(Random r, List<String> keys, BigDecimal share, Map<String, BigDecimal> resolved) {
        BigDecimal byDefault = share.multiply(BigDecimal.valueOf(r.intRange(5, 120))).movePointLeft(2);
        Map<String, BigDecimal> own = new HashMap<>();
        for (String key : keys) {
            int kind = r.intRange(0, 5);
            if (kind == 0) {
                own.put(key, BigDecimal.ZERO);
            } else if (kind <= 3) {
                own.put(key, share.multiply(BigDecimal.valueOf(r.intRange(0, 150))).movePointLeft(2));
            }
            resolved.put(key, own.getOrDefault(key, byDefault));
        }
        if (r.trueOrFalse()) {
            BudgetLimits.Table t = BudgetLimits.of(byDefault);
            for (Map.Entry<String, BigDecimal> e : own.entrySet()) {
                t = t.with(e.getKey(), e.getValue());
            }
            return t;
        }
        Map<String, BigDecimal> plans = Map.copyOf(own);
        return BudgetLimits.by(byDefault, plans::get);
    }

    private static ChatRequest request(String user, String tenant, String text, int maxTokens, TokenUsage actual) {
        return ChatRequest.builder()
                .user(text)
                .sampling(Sampling.builder().maxTokens(maxTokens).build())
                .context(RequestContext.builder().userId(user).tenantId(tenant)
                        .attribute(UsageScriptedModel.INPUT, Long.toString(actual.inputTokens()))
                        .attribute(UsageScriptedModel.OUTPUT, Long.toString(actual.outputTokens()))
                        .build())
                .build();
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(60, BudgetsPerKeyLimitsPropertyTest::generate);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void eachKeyIsRefusedAndReportedAtItsOwnLimit(Scenario scenario) {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        CostLedger ledger = CostLedger.builder().clock(() -> now).build();
        List<BudgetBreach> soft = new ArrayList<>();
        ChatModel pipeline = ChatPipeline.over(UsageScriptedModel.priced("m", PRICE)).with(Budgets.builder().ledger(ledger)
                .hard(CostScope.USER, Window.DAILY, scenario.userBudget())
                .soft(CostScope.TENANT, Window.TOTAL, scenario.tenantBudget())
                .listener(e -> {
                    if (e instanceof BudgetBreach b && !b.refused()) {
                        soft.add(b);
                    }
                })
                .build()).build();

        Map<String, BigDecimal> userSpent = new HashMap<>();
        Map<String, BigDecimal> tenantSpent = new HashMap<>();
        List<Outcome> expected = new ArrayList<>();
        List<Outcome> actual = new ArrayList<>();
        for (Call c : scenario.calls()) {
            BigDecimal userLimit = scenario.userLimits().get(c.user());
            BigDecimal tenantLimit = scenario.tenantLimits().get(c.tenant());
            BigDecimal spentByUser = userSpent.getOrDefault(c.user(), BigDecimal.ZERO);
            BigDecimal spentByTenant = tenantSpent.getOrDefault(c.tenant(), BigDecimal.ZERO);
            if (spentByUser.add(c.estimate()).compareTo(userLimit) > 0) {
                expected.add(Outcome.of("refused", c.user(), userLimit, spentByUser));
            } else {
                expected.add(spentByTenant.add(c.estimate()).compareTo(tenantLimit) > 0
                        ? Outcome.of("breached", c.tenant(), tenantLimit, spentByTenant)
                        : Outcome.of("answered", null, null, null));
                userSpent.merge(c.user(), c.actual(), BigDecimal::add);
                tenantSpent.merge(c.tenant(), c.actual(), BigDecimal::add);
            }

            int breachesBefore = soft.size();
            try {
                pipeline.chat(c.request());
                actual.add(soft.size() == breachesBefore
                        ? Outcome.of("answered", null, null, null)
                        : Outcome.of("breached", soft.getLast().key(), soft.getLast().limit(), soft.getLast().spent()));
            } catch (BudgetExceededException e) {
                actual.add(Outcome.of("refused", e.key(), e.limit(), e.spent()));
            }
        }

        assertThat(actual).as("%s: each call's outcome, at its own key's limit", scenario).containsExactlyElementsOf(expected);
        for (String user : USERS) {
            BigDecimal limit = scenario.userLimits().get(user);
            assertThat(ledger.total(CostScope.USER, user).spent()).as("%s: %s spent", scenario, user)
                    .isEqualByComparingTo(userSpent.getOrDefault(user, BigDecimal.ZERO));
            if (limit.signum() == 0) {
                assertThat(ledger.total(CostScope.USER, user).calls()).as("%s: %s has limit zero", scenario, user).isZero();
            }
        }
    }
}
