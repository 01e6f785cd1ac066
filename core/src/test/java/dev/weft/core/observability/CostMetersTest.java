package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.cache.ExactCache;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.cost.Budgets;
import dev.weft.core.cost.CostEvent;
import dev.weft.core.cost.CostLedger;
import dev.weft.core.cost.CostScope;
import dev.weft.core.cost.Window;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import io.opentelemetry.api.common.Attributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CostMeters} as the listener of {@link Budgets}: the cost it counts is what the ledger records, with the model,
 * feature and tenant of each call and never its user; breaches are counted by budget and mode.
 */
class CostMetersTest {
    /** 1 USD per input token and 2 per output token: a scripted answer (3 in, 2 out) costs 7 USD. */
    private static final ModelInfo MODEL = ModelInfo.builder("m", "scripted").capabilities(Capability.CHAT)
            .pricing(Pricing.perMillion("1000000", "2000000", "USD")).build();

    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final CostLedger ledger = CostLedger.inMemory();
    private final ScriptedChatModel scripted = new ScriptedChatModel(MODEL);

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    @Test
    void eachCallsCostIsCountedByModelFeatureAndTenantAsTheLedgerRecordsIt() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).currency(ledger.currency()).build();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters).build()).build();

        model.chat(ask("u1", "acme", "chat", "a"));
        model.chat(ask("u2", "acme", "chat", "b"));
        model.chat(ask("u3", "globex", "search", "c"));
        model.chat(ask("u4", null, null, "d"));

        Map<Attributes, Number> cost = telemetry.sums("weft.client.cost");
        assertThat(cost).containsOnly(
                entry(costAttributes("chat", "acme"), 14.0),
                entry(costAttributes("search", "globex"), 7.0),
                entry(costAttributes(null, null), 7.0));
        assertThat(ledger.total(CostScope.TENANT, "acme").spent()).isEqualByComparingTo("14");
        assertThat(cost.keySet()).allSatisfy(a -> assertThat(a.get(stringKey("user.id"))).isNull());
        assertThat(telemetry.metric("weft.client.cost").orElseThrow().getUnit()).isEqualTo("{USD}");
    }

    @Test
    void aCachedAnswerIsCountedAtZero() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).build();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters).build())
                .with(ExactCache.builder().build()).build();

        model.chat(ask("u1", "acme", "chat", "a"));
        model.chat(ask("u1", "acme", "chat", "a"));

        assertThat(telemetry.sums("weft.client.cost")).containsOnly(entry(costAttributes("chat", "acme"), 7.0));
        assertThat(ledger.globalTotal().calls()).isEqualTo(2);
    }

    @Test
    void breachesAreCountedByScopeWindowAndModeWithoutTheirKey() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).build();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters)
                .hard(CostScope.USER, Window.PER_REQUEST, new BigDecimal("30"))
                .soft(CostScope.TENANT, Window.DAILY, new BigDecimal("20"))
                .build()).build();

        model.chat(ask("u1", "acme", "chat", "a", 10)); // estimate 5 + 20 = 25: fits per request, over the tenant's 20
        assertThatThrownBy(() -> model.chat(ask("u1", "acme", "chat", "a", 100))).isInstanceOf(BudgetExceededException.class);

        Map<Attributes, Number> breaches = telemetry.sums("weft.budget.breaches");
        assertThat(breaches).containsOnly(
                entry(breach("user", "per_request", "hard"), 1L),
                entry(breach("tenant", "daily", "soft"), 1L)); // the refused call stopped before the soft check
        assertThat(telemetry.metric("weft.budget.breaches").orElseThrow().getUnit()).isEqualTo("{breach}");
    }

    @Test
    void theTenantAttributeCanBeLeftOut() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).tenantAttribute(false).providerName("azure.ai.openai").build();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters).build()).build();

        model.chat(ask("u1", "acme", "chat", "a"));

        assertThat(telemetry.sums("weft.client.cost")).containsOnly(entry(Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "azure.ai.openai")
                .put("gen_ai.response.model", "m")
                .put("weft.feature", "chat")
                .put(booleanKey("weft.cost.estimated"), false)
                .build(), 7.0));
    }

    @Test
    void itChainsWithAnotherListenerAndStopsCountingOnceClosed() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).build();
        List<CostEvent> heard = new ArrayList<>();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters.andThen(heard::add))
                .build()).build();

        model.chat(ask("u1", "acme", "chat", "a"));
        meters.close();
        meters.close();
        model.chat(ask("u1", "acme", "chat", "b"));

        assertThat(heard).hasSize(2);
        assertThat(telemetry.sums("weft.client.cost")).containsOnly(entry(costAttributes("chat", "acme"), 7.0));
    }

    @Test
    void aCostInAnotherCurrencyIsNotCounted() {
        CostMeters meters = CostMeters.builder(telemetry.sdk()).currency("EUR").build();
        ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(meters).build()).build();

        model.chat(ask("u1", "acme", "chat", "a"));

        assertThat(telemetry.sums("weft.client.cost")).isEmpty();
        assertThat(meters.currency()).isEqualTo("EUR");
    }

    @Test
    void theBuilderNamesWhatIsWrong() {
        assertThatThrownBy(() -> CostMeters.builder(telemetry.sdk()).currency(" ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> CostMeters.builder(telemetry.sdk()).providerName("").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("providerName");
        assertThatThrownBy(() -> CostMeters.builder(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("openTelemetry");
    }

    private static ChatRequest ask(String user, String tenant, String feature, String text) {
        return ask(user, tenant, feature, text, 10);
    }

    /** A request of 1 character (1 + 4 tokens estimated in) allowing {@code maxTokens}. */
    private static ChatRequest ask(String user, String tenant, String feature, String text, int maxTokens) {
        return ChatRequest.builder().user(text).sampling(Sampling.builder().maxTokens(maxTokens).build())
                .context(RequestContext.builder().userId(user).tenantId(tenant).feature(feature).build()).build();
    }

    private static Attributes costAttributes(String feature, String tenant) {
        var b = Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "scripted")
                .put("gen_ai.response.model", "m")
                .put(booleanKey("weft.cost.estimated"), false);
        if (feature != null) {
            b.put("weft.feature", feature);
        }
        if (tenant != null) {
            b.put("weft.tenant.id", tenant);
        }
        return b.build();
    }

    private static Attributes breach(String scope, String window, String mode) {
        return Attributes.builder()
                .put("weft.budget.scope", scope)
                .put("weft.budget.window", window)
                .put("weft.budget.mode", mode)
                .put("gen_ai.request.model", "m")
                .build();
    }
}
