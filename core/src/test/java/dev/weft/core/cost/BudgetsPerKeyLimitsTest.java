package dev.weft.core.cost;

import static dev.weft.core.cost.CostFixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.ScriptedChatModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Budgets whose limit differs per key: each key is refused or reported at its own limit, and says which limit it was. */
class BudgetsPerKeyLimitsTest {
    private final MutableClock clock = new MutableClock();
    private final CostLedger ledger = CostLedger.builder().clock(clock).build();
    private final List<CostEvent> events = new CopyOnWriteArrayList<>();
    /** Answers report exactly the estimate of {@link #call}: 5 input and 10 output tokens, 25 USD. */
    private final UsageScriptedModel model = new UsageScriptedModel(MODEL);

    private ChatModel pipeline(Budgets.Builder budgets) {
        return ChatPipeline.over(model).with(budgets.ledger(ledger).listener(events::add).build()).build();
    }

    /** A 25 USD call from {@code user} of tenant {@code tenant}. */
    private static ChatRequest call(String user, String tenant) {
        return ChatRequest.builder()
                .user("abcd")
                .sampling(Sampling.builder().maxTokens(10).build())
                .context(RequestContext.builder().userId(user).tenantId(tenant)
                        .attribute(UsageScriptedModel.INPUT, "5").attribute(UsageScriptedModel.OUTPUT, "10").build())
                .build();
    }

    private List<BudgetBreach> breaches() {
        return events.stream().filter(BudgetBreach.class::isInstance).map(BudgetBreach.class::cast).toList();
    }

    /** Calls until one is refused; the number answered. */
    private int callsUntilRefused(ChatModel m, String user, String tenant) {
        for (int n = 0; n < 1_000; n++) {
            try {
                m.chat(call(user, tenant));
            } catch (BudgetExceededException e) {
                return n;
            }
        }
        throw new AssertionError("never refused");
    }

    @Test
    void eachTenantIsRefusedAtItsOwnLimit() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("50"))
                .with("acme", new BigDecimal("100"))
                .with("noisy", new BigDecimal("25"))));
        assertThat(callsUntilRefused(m, "u1", "acme")).isEqualTo(4);
        assertThat(callsUntilRefused(m, "u1", "noisy")).isEqualTo(1);
        assertThat(callsUntilRefused(m, "u1", "other")).isEqualTo(2);
        assertThat(ledger.total(CostScope.TENANT, "acme").spent()).isEqualByComparingTo("100");
    }

    @Test
    void theRefusalAndItsBreachReportTheLimitOfTheCallsKey() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("50"))
                .with("acme", new BigDecimal("60"))));
        m.chat(call("u1", "acme"));
        m.chat(call("u1", "acme"));
        assertThatThrownBy(() -> m.chat(call("u1", "acme")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.key()).isEqualTo("acme");
                    assertThat(e.limit()).isEqualByComparingTo("60");
                    assertThat(e.spent()).isEqualByComparingTo("50");
                })
                .hasMessageContaining("only 10 USD of 60 USD is left");
        assertThat(breaches()).singleElement().satisfies(b -> {
            assertThat(b.limit()).isEqualByComparingTo("60");
            assertThat(b.remaining()).isEqualByComparingTo("10");
            assertThat(b.refused()).isTrue();
        });
    }

    @Test
    void aPerRequestBudgetAppliesEachKeysOwnLimit() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.USER, Window.PER_REQUEST, BudgetLimits.of(new BigDecimal("20"))
                .with("pro", new BigDecimal("30"))));
        m.chat(call("pro", "t"));
        assertThatThrownBy(() -> m.chat(call("free", "t")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.limit()).isEqualByComparingTo("20"))
                .hasMessageContaining("more than the limit of 20 USD");
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void softBreachesAreReportedAtEachKeysOwnLimit() {
        ChatModel m = pipeline(Budgets.builder().soft(CostScope.USER, Window.DAILY,
                BudgetLimits.by(new BigDecimal("25"), Map.of("pro", new BigDecimal("50"))::get)));
        for (int i = 0; i < 3; i++) {
            m.chat(call("pro", "t"));
            m.chat(call("free", "t"));
        }
        assertThat(model.calls()).as("soft budgets let every call through").isEqualTo(6);
        assertThat(breaches()).filteredOn(b -> b.key().equals("free")).hasSize(2)
                .allSatisfy(b -> assertThat(b.limit()).isEqualByComparingTo("25"))
                .extracting(BudgetBreach::spent).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("25"), new BigDecimal("50"));
        assertThat(breaches()).filteredOn(b -> b.key().equals("pro")).singleElement().satisfies(b -> {
            assertThat(b.limit()).isEqualByComparingTo("50");
            assertThat(b.spent()).isEqualByComparingTo("50");
            assertThat(b.remaining()).isEqualByComparingTo("0");
        });
    }

    @Test
    void aKeyWithLimitZeroHasEveryPricedCallRefusedButFreeCallsGoThrough() {
        Budgets budgets = Budgets.builder().ledger(ledger)
                .hard(CostScope.USER, Window.TOTAL, BudgetLimits.of(new BigDecimal("1000")).with("blocked", BigDecimal.ZERO)).build();
        ChatModel priced = ChatPipeline.over(model).with(budgets).build();
        ChatModel tiny = ChatPipeline.over(UsageScriptedModel.priced("tiny", Pricing.perMillion("0.000001", "0", "USD")))
                .with(budgets).build();
        assertThatThrownBy(() -> priced.chat(call("blocked", "t"))).isInstanceOfSatisfying(BudgetExceededException.class,
                e -> assertThat(e.limit()).isEqualByComparingTo("0"));
        assertThatThrownBy(() -> tiny.chat(call("blocked", "t"))).as("however cheap").isInstanceOf(BudgetExceededException.class);
        UsageScriptedModel local = UsageScriptedModel.priced("local", Pricing.FREE);
        ChatPipeline.over(local).with(budgets).build().chat(call("blocked", "t"));
        assertThat(local.calls()).as("a call estimated at zero is never refused").isEqualTo(1);
        priced.chat(call("someone", "t"));
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void aLookupThatThrowsFailsTheCallBeforeTheModelAndLeaksNoReservation() {
        ChatModel m = pipeline(Budgets.builder()
                .hard(CostScope.GLOBAL, Window.TOTAL, new BigDecimal("1000")) // reserves first
                .hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("1000")))
                .hard(CostScope.USER, Window.DAILY, BudgetLimits.by(BigDecimal.TEN, user -> {
                    if (user.equals("broken")) {
                        throw new IllegalStateException("no plan row");
                    }
                    return new BigDecimal("100");
                })));
        assertThatThrownBy(() -> m.chat(call("broken", "acme")))
                .isInstanceOfSatisfying(BudgetLimitException.class, e -> {
                    assertThat(e.key()).isEqualTo("broken");
                    assertThat(e.budget()).isEqualTo("hard daily budget per user");
                })
                .hasMessageContaining("no plan row");
        assertThat(model.calls()).isZero();
        assertThat(ledger.globalTotal().reserved()).as("the global reservation was given back").isEqualByComparingTo("0");
        assertThat(ledger.total(CostScope.TENANT, "acme", ledger.today()).reserved()).isEqualByComparingTo("0");
        assertThat(events).as("nothing recorded, nothing breached").isEmpty();

        m.chat(call("fine", "acme"));
        assertThat(ledger.globalTotal().spent()).isEqualByComparingTo("25");
    }

    @Test
    void aLookupThatThrowsOnAStreamLeaksNoReservationEither() {
        ScriptedChatModel scripted = CostFixtures.scripted();
        ChatModel m = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger)
                .hard(CostScope.GLOBAL, Window.TOTAL, new BigDecimal("1000"))
                .soft(CostScope.USER, Window.DAILY, BudgetLimits.by(BigDecimal.TEN, user -> new BigDecimal("-5"))).build()).build();
        assertThatThrownBy(() -> m.stream(CostFixtures.ask("u1", 10)))
                .isInstanceOf(BudgetLimitException.class)
                .hasMessageContaining("negative limit for 'u1'");
        assertThat(ledger.globalTotal().reserved()).isEqualByComparingTo("0");
        assertThat(scripted.streamRequests()).isEmpty();
    }

    @Test
    void aLookupSeesAPlanChangeOnTheNextCall() {
        Map<String, BigDecimal> plans = new ConcurrentHashMap<>();
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.USER, Window.DAILY, BudgetLimits.by(new BigDecimal("25"), plans::get)));
        m.chat(call("u1", "t"));
        assertThatThrownBy(() -> m.chat(call("u1", "t"))).isInstanceOf(BudgetExceededException.class);
        plans.put("u1", new BigDecimal("75")); // upgraded
        m.chat(call("u1", "t"));
        m.chat(call("u1", "t"));
        assertThatThrownBy(() -> m.chat(call("u1", "t"))).isInstanceOfSatisfying(BudgetExceededException.class,
                e -> assertThat(e.limit()).isEqualByComparingTo("75"));
    }

    @Test
    void twoHardBudgetsOnOneScopeAndWindowAreRefusedEvenWithPerKeyLimits() {
        assertThatThrownBy(() -> Budgets.builder()
                .hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(BigDecimal.ONE).with("acme", BigDecimal.TEN))
                .hard(CostScope.TENANT, Window.DAILY, BigDecimal.ONE).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two hard budgets on TENANT/DAILY")
                .hasMessageContaining("one BudgetLimits");
    }

    /** The plans example of {@link Budgets}' Javadoc, as written there. */
    @Test
    void thePlansExampleWorksAsDocumented() {
        enum Plan { FREE, PRO, ENTERPRISE }
        Map<String, Plan> accounts = Map.of("ann", Plan.PRO, "bob", Plan.ENTERPRISE, "cat", Plan.FREE);
        record Accounts(Map<String, Plan> plans) {
            Optional<Plan> planOf(String userId) {
                return Optional.ofNullable(plans.get(userId));
            }
        }
        Accounts accountsTable = new Accounts(accounts);
        Map<Plan, BigDecimal> daily = Map.of(Plan.FREE, new BigDecimal("25"), Plan.PRO, new BigDecimal("50"),
                Plan.ENTERPRISE, new BigDecimal("100"));
        ChatModel m = pipeline(Budgets.builder()
                .hard(CostScope.USER, Window.DAILY,
                        BudgetLimits.by(daily.get(Plan.FREE), userId -> accountsTable.planOf(userId).map(daily::get).orElse(null)))
                .hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("1000"))
                        .with("tenant-trial-17", new BigDecimal("25"))));
        assertThat(callsUntilRefused(m, "cat", "t")).isEqualTo(1);
        assertThat(callsUntilRefused(m, "ann", "t")).isEqualTo(2);
        assertThat(callsUntilRefused(m, "bob", "t")).isEqualTo(4);
        assertThat(callsUntilRefused(m, "dan", "t")).as("no plan: the default").isEqualTo(1);
        assertThat(callsUntilRefused(m, "bob", "tenant-trial-17")).as("bob has spent his own limit")
                .isZero();
        assertThat(callsUntilRefused(m, "eve", "tenant-trial-17")).isEqualTo(1);
    }
}
