package dev.weft.core.cost;

import static dev.weft.core.cost.CostFixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Soft budgets report and let calls through; daily windows roll over with the ledger's clock and zone. */
class BudgetsSoftAndWindowTest {
    private final MutableClock clock = new MutableClock(); // 2025-01-01T00:00:00Z
    private final List<CostEvent> events = new CopyOnWriteArrayList<>();
    private final UsageScriptedModel model = new UsageScriptedModel(MODEL);

    /** 5 input and 10 output tokens, estimated and actual: 25 USD. */
    private static ChatRequest call(String user) {
        return UsageScriptedModel.request(user, "abcd", 10, new TokenUsage(5, 10));
    }

    private List<BudgetBreach> breaches() {
        return events.stream().filter(BudgetBreach.class::isInstance).map(BudgetBreach.class::cast).toList();
    }

    @Test
    void aSoftBudgetReportsEachCallThatWouldExceedItAndLetsItThrough() {
        CostLedger ledger = CostLedger.builder().clock(clock).build();
        ChatModel m = ChatPipeline.over(model).with(Budgets.builder().ledger(ledger).listener(events::add)
                .soft(CostScope.TENANT, Window.DAILY, new BigDecimal("60")).build()).build();

        m.chat(call("u1"));
        m.chat(call("u2"));
        assertThat(breaches()).isEmpty();
        m.chat(call("u3")); // 50 + 25 > 60
        m.chat(call("u4")); // 75 + 25 > 60
        assertThat(model.calls()).isEqualTo(4);
        assertThat(breaches()).hasSize(2).allSatisfy(b -> {
            assertThat(b.refused()).isFalse();
            assertThat(b.key()).isEqualTo("acme");
            assertThat(b.estimate()).isEqualByComparingTo("25");
            assertThat(b.currency()).isEqualTo("USD");
            assertThat(b.modelId()).isEqualTo("m");
        });
        assertThat(breaches()).extracting(BudgetBreach::spent).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("50"), new BigDecimal("75"));
        assertThat(breaches()).extracting(b -> b.context().userId()).containsExactly("u3", "u4");
        assertThat(events).filteredOn(CostEntry.class::isInstance).hasSize(4);
        assertThat(ledger.total(CostScope.TENANT, "acme").spent()).isEqualByComparingTo("100");
    }

    @Test
    void aSoftBudgetOnTheLineOfAHardOneCountsTheCallsEstimateOnce() {
        CostLedger ledger = CostLedger.builder().clock(clock).build();
        ChatModel m = ChatPipeline.over(model).with(Budgets.builder().ledger(ledger).listener(events::add)
                .hard(CostScope.USER, Window.DAILY, new BigDecimal("100"))
                .soft(CostScope.USER, Window.DAILY, new BigDecimal("50")).build()).build();
        m.chat(call("u1"));
        m.chat(call("u1")); // 25 + 25 = 50: fits the soft limit exactly
        assertThat(breaches()).isEmpty();
        m.chat(call("u1"));
        assertThat(breaches()).singleElement().satisfies(b -> {
            assertThat(b.spent()).isEqualByComparingTo("50");
            assertThat(b.reserved()).as("the call's own reservation is not counted twice").isEqualByComparingTo("0");
        });
    }

    @Test
    void aSoftPerRequestBudgetReportsAnExpensiveCall() {
        CostLedger ledger = CostLedger.builder().clock(clock).build();
        ChatModel m = ChatPipeline.over(model).with(Budgets.builder().ledger(ledger).listener(events::add)
                .soft(CostScope.FEATURE, Window.PER_REQUEST, new BigDecimal("20")).build()).build();
        m.chat(call("u1"));
        assertThat(breaches()).singleElement().satisfies(b -> assertThat(b.key()).isEqualTo("chat"));
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void aDailyBudgetStartsAfreshAtMidnightAndATotalOneDoesNot() {
        CostLedger ledger = CostLedger.builder().clock(clock).build();
        ChatModel m = ChatPipeline.over(model).with(Budgets.builder().ledger(ledger)
                .hard(CostScope.USER, Window.DAILY, new BigDecimal("50"))
                .hard(CostScope.GLOBAL, Window.TOTAL, new BigDecimal("125")).build()).build();

        m.chat(call("u1"));
        m.chat(call("u1"));
        assertThatThrownBy(() -> m.chat(call("u1"))).isInstanceOf(BudgetExceededException.class);

        clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
        assertThatThrownBy(() -> m.chat(call("u1"))).as("still the same day").isInstanceOf(BudgetExceededException.class);

        clock.advance(Duration.ofSeconds(1));
        m.chat(call("u1"));
        m.chat(call("u1"));
        assertThat(ledger.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("50");
        assertThat(ledger.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 2)).spent()).isEqualByComparingTo("50");

        clock.advance(Duration.ofDays(1));
        m.chat(call("u1")); // 100 + 25 = 125: the total budget's last call
        assertThatThrownBy(() -> m.chat(call("u2")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.budget()).isEqualTo("hard total budget overall"));
        assertThat(model.calls()).isEqualTo(5);
    }

    @Test
    void daysRollOverAtMidnightInTheLedgersZone() {
        CostLedger tokyo = CostLedger.builder().clock(clock).zone(ZoneId.of("Asia/Tokyo")).build();
        ChatModel m = ChatPipeline.over(model).with(Budgets.builder().ledger(tokyo)
                .hard(CostScope.USER, Window.DAILY, new BigDecimal("25")).build()).build();
        clock.advance(Duration.ofHours(14)); // 14:00 UTC = 23:00 in Tokyo
        m.chat(call("u1"));
        assertThatThrownBy(() -> m.chat(call("u1"))).isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("Asia/Tokyo");
        clock.advance(Duration.ofHours(1)); // midnight in Tokyo, 15:00 UTC
        m.chat(call("u1"));
        assertThat(tokyo.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 2)).spent()).isEqualByComparingTo("25");
    }
}
