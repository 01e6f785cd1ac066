package dev.weft.core.cost;

import static dev.weft.core.cost.CostFixtures.MODEL;
import static dev.weft.core.cost.CostFixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.cache.Caches;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.GatedChatModel;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.ScriptedChatModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After the call, the ledger holds the actual cost and no reservation: at the price of the model that answered, an
 * estimate when the model reported no usage, nothing when the call failed. While a call is in flight its estimate
 * holds the budget's headroom.
 */
class BudgetsReconciliationTest {
    private final MutableClock clock = new MutableClock();
    private final CostLedger ledger = CostLedger.builder().clock(clock).build();
    private final List<CostEvent> events = new CopyOnWriteArrayList<>();
    private final ScriptedChatModel scripted = CostFixtures.scripted();

    private ChatModel pipeline(ChatModel model, Budgets.Builder budgets) {
        return ChatPipeline.over(model).with(budgets.ledger(ledger).listener(events::add).build()).build();
    }

    private CostTotal userToday() {
        return ledger.total(CostScope.USER, "u1", ledger.today());
    }

    private List<CostEntry> entries() {
        return events.stream().filter(CostEntry.class::isInstance).map(CostEntry.class::cast).toList();
    }

    @Test
    void theActualUsageIsRecordedAndTheReservationGivenBack() {
        ChatModel m = pipeline(scripted, Budgets.builder().hard(CostScope.USER, Window.DAILY, new BigDecimal("100")));
        m.chat(ask("u1", 10)); // estimated 25; the answer reports 3 input and 2 output tokens: 7

        assertThat(userToday().spent()).isEqualByComparingTo("7");
        assertThat(userToday().reserved()).as("a plain zero once every reservation is back").isEqualTo(BigDecimal.ZERO);
        assertThat(userToday().inputTokens()).isEqualTo(3);
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.cost()).isEqualByComparingTo("7");
            assertThat(e.usage()).isEqualTo(new TokenUsage(3, 2));
            assertThat(e.estimated()).isFalse();
            assertThat(e.model()).isEqualTo(MODEL);
            assertThat(e.context().userId()).isEqualTo("u1");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aFailedCallGivesItsReservationBackAndRecordsNothing() {
        scripted.thenThrow(new ModelUnavailableException("down"));
        ChatModel m = pipeline(scripted, Budgets.builder().hard(CostScope.USER, Window.DAILY, new BigDecimal("30")));
        assertThatThrownBy(() -> m.chat(ask("u1", 10))).isInstanceOf(ModelUnavailableException.class);

        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(userToday().calls()).isZero();
        assertThat(entries()).isEmpty();
        m.chat(ask("u1", 10)); // the whole budget is still there
    }

    @Test
    void aCallInFlightHoldsItsEstimateSoThatAConcurrentCallCannotUseTheSameHeadroom() throws Exception {
        GatedChatModel gated = new GatedChatModel("gated");
        Budgets budgets = Budgets.builder().ledger(ledger).listener(events::add)
                .priceTable(PriceTable.builder().price("gated", CostFixtures.UNIT).build())
                .hard(CostScope.USER, Window.DAILY, new BigDecimal("35")).build();
        ChatModel held = ChatPipeline.over(gated).with(budgets).build();
        // A second pipeline sharing the budgets, over a model that answers at once: were the headroom not held, the
        // concurrent call would go through instead of blocking the test at the gate.
        UsageScriptedModel immediate = new UsageScriptedModel(CostFixtures.priced("gated", CostFixtures.UNIT));
        ChatModel concurrent = ChatPipeline.over(immediate).with(budgets).build();

        CompletableFuture<ChatResponse> first = CompletableFuture.supplyAsync(() -> held.chat(ask("u1", 10)));
        gated.awaitEntered(1);
        assertThat(userToday().reserved()).isEqualByComparingTo("25");
        assertThatThrownBy(() -> concurrent.chat(ask("u1", 10)))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.spent()).isEqualByComparingTo("0");
                    assertThat(e.reserved()).isEqualByComparingTo("25");
                })
                .hasMessageContaining("25 USD reserved by calls in flight");
        assertThat(immediate.calls()).isZero();

        gated.release(1);
        first.get(10, TimeUnit.SECONDS);
        assertThat(userToday().spent()).isEqualByComparingTo("7"); // the gate answers 3 input + 2 output tokens
        assertThat(userToday().reserved()).isEqualByComparingTo("0");

        concurrent.chat(ask("u1", 10)); // 7 + 25 = 32 <= 35
        assertThat(immediate.calls()).isEqualTo(1);
    }

    @Test
    void aFallbackModelsUsageIsRecordedUnderItAtItsPriceAndTheReservationForTheCalledModelIsGivenBack() {
        ModelInfo cheap = CostFixtures.priced("cheap", Pricing.perMillion("500000", "500000", "USD"));
        scripted.thenAnswer(new ChatResponse(AssistantMessage.of("x"), new TokenUsage(3, 2), FinishReason.STOP, cheap, Timings.ZERO));
        ChatModel m = pipeline(scripted, Budgets.builder().hard(CostScope.MODEL, Window.TOTAL, new BigDecimal("100")));
        m.chat(ask("u1", 10));

        CostTotal called = ledger.total(CostScope.MODEL, "m");
        assertThat(called.reserved()).isEqualByComparingTo("0");
        assertThat(called.spent()).isEqualByComparingTo("0");
        assertThat(ledger.total(CostScope.MODEL, "cheap").spent()).isEqualByComparingTo("2.5");
        assertThat(userToday().spent()).isEqualByComparingTo("2.5");
        assertThat(entries()).singleElement().satisfies(e -> assertThat(e.model()).isEqualTo(cheap));
    }

    @Test
    void aFallbackModelPricedInAnotherCurrencyIsChargedAtTheCalledModelsPrice() {
        ModelInfo euro = CostFixtures.priced("euro", Pricing.perMillion("1", "1", "EUR"));
        scripted.thenAnswer(new ChatResponse(AssistantMessage.of("x"), new TokenUsage(3, 2), FinishReason.STOP, euro, Timings.ZERO));
        ChatModel m = pipeline(scripted, Budgets.builder());
        m.chat(ask("u1", 10));
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.cost()).isEqualByComparingTo("7");
            assertThat(e.currency()).isEqualTo("USD");
            assertThat(e.model()).isEqualTo(euro);
        });
    }

    @Test
    void anAnswerThatReportsNoUsageIsChargedAnEstimate() {
        scripted.thenAnswer(new ChatResponse(AssistantMessage.of("abcdefgh"), TokenUsage.ZERO, FinishReason.STOP, MODEL, Timings.ZERO));
        scripted.thenAnswer(new ChatResponse(AssistantMessage.of(""), TokenUsage.ZERO, FinishReason.STOP, MODEL, Timings.ZERO));
        ChatModel m = pipeline(scripted, Budgets.builder());
        m.chat(ask("u1", 10));
        m.chat(ask("u1", 10));

        assertThat(entries()).hasSize(2);
        assertThat(entries().get(0)).satisfies(e -> {
            assertThat(e.usage()).as("the input estimate, and the answer's 8 characters").isEqualTo(new TokenUsage(5, 2));
            assertThat(e.cost()).isEqualByComparingTo("9");
            assertThat(e.estimated()).isTrue();
        });
        assertThat(entries().get(1)).as("an empty answer that reports nothing costs nothing").satisfies(e -> {
            assertThat(e.usage()).isEqualTo(TokenUsage.ZERO);
            assertThat(e.estimated()).isFalse();
        });
    }

    @Test
    void anAnswerServedByACacheInsideTheBudgetCostsNothing() {
        scripted.thenAnswer(new ChatResponse(AssistantMessage.of("abcdefgh"), new TokenUsage(5, 2), FinishReason.STOP, MODEL, Timings.ZERO));
        ChatModel m = ChatPipeline.over(scripted)
                .with(Budgets.builder().ledger(ledger).listener(events::add).build())
                .with(Caches.exact().build())
                .build();
        m.chat(ask("u1", 10));
        m.chat(ask("u1", 10));

        assertThat(entries()).hasSize(2);
        assertThat(entries().get(1)).as("the hit").satisfies(e -> {
            assertThat(e.usage()).isEqualTo(TokenUsage.ZERO);
            assertThat(e.cost()).isEqualByComparingTo("0");
            assertThat(e.estimated()).isFalse();
        });
        assertThat(userToday().spent()).isEqualByComparingTo(entries().get(0).cost());
    }

    @Test
    void aFailingListenerDoesNotFailTheCall() {
        ChatModel m = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(e -> {
            throw new IllegalStateException("listener bug");
        }).build()).build();
        assertThat(m.chat(ask("u1", 10)).text()).isEqualTo("echo: abcd");
        assertThat(userToday().spent()).isEqualByComparingTo("7");
    }
}
