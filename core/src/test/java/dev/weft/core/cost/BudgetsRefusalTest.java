package dev.weft.core.cost;

import static dev.weft.core.cost.CostFixtures.MODEL;
import static dev.weft.core.cost.CostFixtures.UNIT;
import static dev.weft.core.cost.CostFixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hard budgets refuse before the model is called, all or nothing, and say why. */
class BudgetsRefusalTest {
    private final MutableClock clock = new MutableClock();
    private final CostLedger ledger = CostLedger.builder().clock(clock).build();
    private final List<CostEvent> events = new CopyOnWriteArrayList<>();
    /** Answers report exactly the estimate of {@code ask(user, 10)}: 5 input and 10 output tokens, 25 USD. */
    private final UsageScriptedModel model = new UsageScriptedModel(MODEL);

    private ChatModel pipeline(Budgets.Builder budgets) {
        return ChatPipeline.over(model).with(budgets.ledger(ledger).listener(events::add).build()).build();
    }

    private static ChatRequest call(String user) {
        return UsageScriptedModel.request(user, "abcd", 10, new TokenUsage(5, 10));
    }

    @Test
    void aCallThatDoesNotFitIsRefusedBeforeTheModelIsCalled() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.USER, Window.DAILY, new BigDecimal("60")));
        m.chat(call("u1"));
        m.chat(call("u1"));
        assertThat(model.calls()).isEqualTo(2);

        assertThatThrownBy(() -> m.chat(call("u1")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budget()).isEqualTo("hard daily budget per user");
                    assertThat(e.key()).isEqualTo("u1");
                    assertThat(e.limit()).isEqualByComparingTo("60");
                    assertThat(e.spent()).isEqualByComparingTo("50");
                    assertThat(e.reserved()).isEqualByComparingTo("0");
                    assertThat(e.estimate()).isEqualByComparingTo("25");
                    assertThat(e.currency()).isEqualTo("USD");
                })
                .hasMessageContaining("'u1'")
                .hasMessageContaining("estimated at 25 USD")
                .hasMessageContaining("only 10 USD of 60 USD is left")
                .hasMessageContaining("next day");
        assertThat(model.calls()).as("the refused call never reached the model").isEqualTo(2);
        assertThat(events).filteredOn(BudgetBreach.class::isInstance).singleElement()
                .isInstanceOfSatisfying(BudgetBreach.class, b -> {
                    assertThat(b.refused()).isTrue();
                    assertThat(b.key()).isEqualTo("u1");
                    assertThat(b.remaining()).isEqualByComparingTo("10");
                });

        m.chat(call("u2"));
        assertThat(model.calls()).as("another user has a budget of their own").isEqualTo(3);
    }

    @Test
    void aCallRefusedByOneBudgetHoldsNothingInTheOthers() {
        ChatModel m = pipeline(Budgets.builder()
                .hard(CostScope.USER, Window.DAILY, new BigDecimal("100"))
                .hard(CostScope.GLOBAL, Window.TOTAL, new BigDecimal("30")));
        m.chat(call("u1"));
        assertThatThrownBy(() -> m.chat(call("u2")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.key()).isEqualTo(CostScope.GLOBAL_KEY));

        CostTotal u2 = ledger.total(CostScope.USER, "u2", ledger.today());
        assertThat(u2.reserved()).as("u2's user reservation was given back").isEqualByComparingTo("0");
        assertThat(u2.spent()).isEqualByComparingTo("0");
        assertThat(ledger.globalTotal().reserved()).isEqualByComparingTo("0");
        assertThat(ledger.globalTotal().spent()).isEqualByComparingTo("25");
    }

    @Test
    void aPerRequestBudgetLimitsEachCallOnItsOwn() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.GLOBAL, Window.PER_REQUEST, new BigDecimal("20")));
        assertThatThrownBy(() -> m.chat(call("u1")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.spent()).isEqualByComparingTo("0");
                    assertThat(e.estimate()).isEqualByComparingTo("25");
                })
                .hasMessageContaining("more than the limit of 20 USD");
        m.chat(UsageScriptedModel.request("u1", "abcd", 5, new TokenUsage(5, 5))); // 5 + 10 = 15
        m.chat(UsageScriptedModel.request("u1", "abcd", 5, new TokenUsage(5, 5)));
        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void theEstimateIsTheRequestsTokensAtTheModelsPrice() {
        Budgets budgets = Budgets.builder().build();
        assertThat(budgets.estimateUsage(ask("u1", 10))).isEqualTo(new TokenUsage(5, 10));
        assertThat(UNIT.cost(budgets.estimateUsage(ask("u1", 10)))).isEqualByComparingTo(CostFixtures.ESTIMATE_OF_ASK_10);
    }

    @Test
    void aFreeCallIsNeverRefused() {
        UsageScriptedModel free = new UsageScriptedModel(CostFixtures.priced("local", Pricing.FREE));
        ChatModel m = ChatPipeline.over(free)
                .with(Budgets.builder().ledger(ledger).hard(CostScope.USER, Window.DAILY, BigDecimal.ZERO).build()).build();
        m.chat(call("u1"));
        m.chat(call("u1"));
        assertThat(free.calls()).isEqualTo(2);
        assertThat(ledger.total(CostScope.USER, "u1").calls()).isEqualTo(2);
        assertThat(ledger.total(CostScope.USER, "u1").spent()).isEqualByComparingTo("0");
    }

    @Test
    void aRequestWithoutTheBudgetsKeyIsNotSubjectToIt() {
        ChatModel m = pipeline(Budgets.builder().hard(CostScope.USER, Window.DAILY, BigDecimal.ZERO));
        m.chat(call(null));
        assertThat(model.calls()).isEqualTo(1);
        assertThatThrownBy(() -> m.chat(call("u1"))).isInstanceOf(BudgetExceededException.class);
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void aModelThatCannotBePricedInTheLedgersCurrencyIsRefusedBeforeTheCall() {
        UsageScriptedModel euro = new UsageScriptedModel(CostFixtures.priced("euro", Pricing.perMillion("1", "1", "EUR")));
        ChatModel m = ChatPipeline.over(euro).with(Budgets.builder().ledger(ledger).build()).build();
        assertThatThrownBy(() -> m.chat(call("u1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'euro' is priced in EUR")
                .hasMessageContaining("USD");

        ChatModel strict = ChatPipeline.over(model)
                .with(Budgets.builder().ledger(ledger).priceTable(PriceTable.builder().strict(true).build()).build()).build();
        assertThatThrownBy(() -> strict.chat(call("u1"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("strict");
        assertThat(euro.calls() + model.calls()).isZero();
    }

    @Test
    void perUserIsADailyHardLimitPerUserOnTheModelsOwnPrices() {
        Budgets budgets = Budgets.perUser(new BigDecimal("30"));
        ChatModel m = ChatPipeline.over(model).with(budgets).build();
        m.chat(call("u1"));
        assertThatThrownBy(() -> m.chat(call("u1"))).isInstanceOf(BudgetExceededException.class);
        assertThat(budgets.budgets()).containsExactly(Budget.hard(CostScope.USER, Window.DAILY, new BigDecimal("30")));
        assertThat(budgets.ledger().total(CostScope.USER, "u1").spent()).isEqualByComparingTo("25");
    }

    @Test
    void builderNamesTheBadOption() {
        assertThatThrownBy(() -> Budgets.builder()
                .hard(CostScope.USER, Window.DAILY, BigDecimal.ONE)
                .soft(CostScope.USER, Window.DAILY, BigDecimal.ONE)
                .hard(CostScope.USER, Window.DAILY, BigDecimal.TEN).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two hard budgets on USER/DAILY");
        assertThatThrownBy(() -> Budgets.builder().defaultOutputTokens(0).build()).hasMessageContaining("defaultOutputTokens");
        assertThatThrownBy(() -> Budgets.builder().priceTable(null).build()).hasMessageContaining("priceTable");
        assertThatThrownBy(() -> Budgets.builder().tokenCounter(null).build()).hasMessageContaining("tokenCounter");
        assertThatThrownBy(() -> Budget.hard(CostScope.USER, Window.DAILY, new BigDecimal("-1"))).hasMessageContaining("limit");
        assertThat(Budgets.builder().hard(CostScope.USER, Window.DAILY, BigDecimal.ONE)
                .hard(CostScope.USER, Window.TOTAL, BigDecimal.TEN).build().budgets()).hasSize(2);
    }

    @Test
    void budgetsDescribeThemselves() {
        assertThat(Budget.soft(CostScope.GLOBAL, Window.TOTAL, BigDecimal.ONE).describe()).isEqualTo("soft total budget overall");
        assertThat(Budget.hard(CostScope.TENANT, Window.PER_REQUEST, BigDecimal.ONE).describe())
                .isEqualTo("hard per-request budget per tenant");
    }
}
