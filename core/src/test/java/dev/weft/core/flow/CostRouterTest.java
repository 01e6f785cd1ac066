package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ScriptedChatModel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Router#byCost()}: the cheapest route whose model fits the request's capabilities and size. */
class CostRouterTest {
    private static final ToolSpec WEATHER = ToolSpec.of("weather", "", "{\"type\":\"object\"}");

    private final ScriptedChatModel local = model("local", 100, Pricing.FREE);
    private final ScriptedChatModel mini = model("mini", 128_000, Pricing.perMillion("0.15", "0.60", "USD"), Capability.TOOLS,
            Capability.JSON_OUTPUT);
    private final ScriptedChatModel large = model("large", 128_000, Pricing.perMillion("2.50", "10", "USD"), Capability.TOOLS,
            Capability.JSON_OUTPUT, Capability.JSON_SCHEMA_OUTPUT);

    private static ScriptedChatModel model(String id, int window, Pricing pricing, Capability... extra) {
        return new ScriptedChatModel(ModelInfo.builder(id, "p").capabilities(Capability.CHAT).capabilities(extra)
                .contextWindow(window).pricing(pricing).build());
    }

    private Router router() {
        return Router.byCost().route("large", large).route("mini", mini).route("local", local)
                .tokenCounter(String::length).expectedOutputTokens(20).build();
    }

    @Test
    void aSmallPlainRequestGoesToTheFreeModel() {
        assertThat(router().chat(ChatRequest.of("hello")).model()).isEqualTo(local.info());
        assertThat(local.chatRequests().getFirst().context().attributes()).containsEntry(Router.ROUTE_ATTRIBUTE, "local");
    }

    @Test
    void aRequestWithToolsSkipsModelsWithoutThem() {
        ChatRequest request = ChatRequest.builder().user("weather?").tool(WEATHER).build();

        assertThat(router().route(request).route()).isEqualTo("mini");
    }

    @Test
    void aJsonSchemaAnswerNeedsAModelThatCanBeConstrained() {
        ChatRequest request = ChatRequest.builder().user("x").responseFormat(ResponseFormat.jsonSchema("s", "{\"type\":\"object\"}")).build();

        assertThat(router().route(request).route()).isEqualTo("large");
    }

    @Test
    void theContextWindowMustHoldTheInputAndTheOutput() {
        ChatRequest fits = ChatRequest.of("x".repeat(80));                     // 80 + 20 expected = 100
        ChatRequest tooLong = ChatRequest.of("x".repeat(81));
        ChatRequest longAnswer = ChatRequest.builder().user("x").sampling(Sampling.builder().maxTokens(100).build()).build();

        assertThat(router().route(fits).route()).isEqualTo("local");
        assertThat(router().route(tooLong).route()).isEqualTo("mini");
        assertThat(router().route(longAnswer).route()).isEqualTo("mini");
    }

    @Test
    void theDecisionCarriesTheEstimate() {
        ChatRequest request = ChatRequest.builder()
                .system("sys")                                                           // 3
                .user("hello")                                                           // 5
                .message(new AssistantMessage("ok", List.of(new ToolCall("c1", "weather", "{\"city\":\"Oslo\"}")))) // 2 + 7 + 15
                .message(new ToolResultMessage("c1", "weather", "sunny", false))         // 5
                .tool(WEATHER)                                                           // 7 + 0 + 17
                .sampling(Sampling.builder().maxTokens(50).build())
                .build();

        RouteDecision.Cheapest d = (RouteDecision.Cheapest) router().route(request);

        assertThat(d.inputTokens()).isEqualTo(3 + 5 + 2 + 7 + 15 + 5 + 7 + 17);
        assertThat(d.outputTokens()).isEqualTo(50);
        assertThat(d.route()).isEqualTo("mini");
        assertThat(d.estimatedCost()).isEqualByComparingTo(mini.info().pricing().cost(new TokenUsage(61, 50)));
        assertThat(d.currency()).isEqualTo("USD");
    }

    @Test
    void theDefaultCounterTakesFourCharactersPerToken() {
        Router router = Router.byCost().route("mini", mini).build();

        RouteDecision.Cheapest d = (RouteDecision.Cheapest) router.route(ChatRequest.of("abcdefghi"));

        assertThat(d.inputTokens()).isEqualTo(3);
        assertThat(d.outputTokens()).isEqualTo(256);
    }

    @Test
    void equalCostsGoToTheRouteAddedFirst() {
        ScriptedChatModel twin = model("twin", 128_000, mini.info().pricing(), Capability.TOOLS);
        Router router = Router.byCost().route("twin", twin).route("mini", mini).build();

        assertThat(router.route(ChatRequest.of("q")).route()).isEqualTo("twin");
    }

    @Test
    void whenNoModelFitsTheRouterSaysWhyEachWasRuledOut() {
        ChatRequest request = ChatRequest.builder().user("x".repeat(200_000)).tool(WEATHER).build();

        assertThatThrownBy(() -> router().chat(request))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("uses [TOOLS] and needs about 200044 tokens of context with its answer: ")
                .hasMessageContaining("large (context window 128000 < 200044 tokens)")
                .hasMessageContaining("local (lacks [TOOLS])");
        assertThat(local.chatRequests()).isEmpty();
    }

    @Test
    void pricesInDifferentCurrenciesAreRejectedButFreeModelsMayBeInAny() {
        ScriptedChatModel euro = model("euro", 0, Pricing.perMillion("1", "1", "EUR"));
        ScriptedChatModel freeEuro = model("free", 0, new Pricing(BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));

        assertThatThrownBy(() -> Router.byCost().route("mini", mini).route("euro", euro).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("routes 'mini' (USD) and 'euro' (EUR) are priced in different currencies");
        assertThat(Router.byCost().route("mini", mini).route("free", freeEuro).build().route(ChatRequest.of("q")).route())
                .isEqualTo("free");
    }

    @Test
    void buildNamesBadOptions() {
        assertThatThrownBy(() -> Router.byCost().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one route");
        assertThatThrownBy(() -> Router.byCost().route("mini", mini).expectedOutputTokens(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expectedOutputTokens must be >= 0, was -1");
        assertThatThrownBy(() -> Router.byCost().route("mini", mini).tokenCounter(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenCounter");
    }
}
