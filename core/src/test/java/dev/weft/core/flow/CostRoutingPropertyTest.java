package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ChatValues;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For generated price tables and requests, the cost router picks the cheapest model that fits (has the
 * capabilities the request uses, and a context window of 0 or at least input plus output tokens), the earliest
 * among equals, and refuses when none fits; the expectation is a scan written here, with token counts known by
 * construction (the router counts characters). The case's seed is in its name.
 */
class CostRoutingPropertyTest {
    private static final int EXPECTED_OUTPUT = 64;

    /** A generated request and its size: characters of message text, tool specs, and the output allowance. */
    record SizedRequest(ChatRequest request, long inputTokens, long outputTokens) {}

    record Scenario(List<ModelInfo> models, List<SizedRequest> requests) {}

    static Stream<Arguments> scenarios() {
        return Generated.cases(100, CostRoutingPropertyTest::scenario);
    }

    static Scenario scenario(Random r) {
        List<ModelInfo> models = new ArrayList<>();
        int n = r.intRange(1, 6);
        for (int i = 0; i < n; i++) {
            models.add(model(r, i));
        }
        List<SizedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(request(r));
        }
        return new Scenario(models, requests);
    }

    static ModelInfo model(Random r, int i) {
        ModelInfo.Builder b = ModelInfo.builder("m" + i, "p").capabilities(Capability.CHAT)
                .contextWindow(r.trueOrFalse(0.2) ? 0 : r.intRange(20, 400))
                .pricing(new Pricing(price(r), price(r), "USD"));
        for (Capability c : List.of(Capability.TOOLS, Capability.JSON_OUTPUT, Capability.JSON_SCHEMA_OUTPUT)) {
            if (r.trueOrFalse(0.6)) {
                b.capabilities(c);
            }
        }
        return b.build();
    }

    /** Few distinct prices, so that ties are common. */
    static BigDecimal price(Random r) {
        return new BigDecimal(r.oneOf("0", "0.10", "0.1", "0.15", "1", "2.5", "10"));
    }

    static SizedRequest request(Random r) {
        ChatRequest.Builder b = ChatRequest.builder();
        long input = 0;
        int messages = r.intRange(1, 4);
        for (int i = 0; i < messages; i++) {
            String text = Texts.text(r, 60);
            input += text.length();
            b.message(switch (r.intRange(0, 2)) {
                case 0 -> Message.system(text);
                case 1 -> Message.user(text);
                default -> Message.assistant(text);
            });
        }
        Map<String, ToolSpec> tools = new LinkedHashMap<>();
        int t = r.trueOrFalse() ? 0 : r.intRange(1, 2);
        for (int i = 0; i < t; i++) {
            ToolSpec spec = ChatValues.toolSpec(r);
            if (tools.putIfAbsent(spec.name(), spec) == null) {
                input += spec.name().length() + spec.description().length() + spec.parameters().toString().length();
            }
        }
        b.tools(List.copyOf(tools.values()));
        b.responseFormat(ChatValues.responseFormat(r));
        Integer maxTokens = r.trueOrFalse() ? null : r.intRange(1, 200);
        b.sampling(Sampling.builder().maxTokens(maxTokens).build());
        return new SizedRequest(b.build(), input, maxTokens != null ? maxTokens : EXPECTED_OUTPUT);
    }

    static Set<Capability> needs(ChatRequest request) {
        Set<Capability> needs = new HashSet<>();
        if (!request.tools().isEmpty()) {
            needs.add(Capability.TOOLS);
        }
        if (request.responseFormat() instanceof ResponseFormat.Json) {
            needs.add(Capability.JSON_OUTPUT);
        }
        if (request.responseFormat() instanceof ResponseFormat.JsonSchema) {
            needs.add(Capability.JSON_SCHEMA_OUTPUT);
        }
        return needs;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theCheapestFittingModelIsChosen(Scenario s) {
        CostRouterBuilder builder = Router.byCost().tokenCounter(String::length).expectedOutputTokens(EXPECTED_OUTPUT);
        s.models().forEach(info -> builder.route(info.id(), new ScriptedChatModel(info)));
        Router router = builder.build();

        for (SizedRequest sized : s.requests()) {
            TokenUsage usage = new TokenUsage(sized.inputTokens(), sized.outputTokens());
            ModelInfo best = null;
            for (ModelInfo m : s.models()) {
                boolean fits = m.capabilities().containsAll(needs(sized.request()))
                        && (m.contextWindow() == 0 || usage.totalTokens() <= m.contextWindow());
                if (fits && (best == null || m.pricing().cost(usage).compareTo(best.pricing().cost(usage)) < 0)) {
                    best = m;
                }
            }
            if (best == null) {
                assertThatThrownBy(() -> router.route(sized.request())).isInstanceOf(UnsupportedCapabilityException.class);
            } else {
                RouteDecision.Cheapest d = (RouteDecision.Cheapest) router.route(sized.request());
                assertThat(d.route()).as("models %s, usage %s", s.models(), usage).isEqualTo(best.id());
                assertThat(d.inputTokens()).isEqualTo(sized.inputTokens());
                assertThat(d.estimatedCost()).isEqualByComparingTo(best.pricing().cost(usage));
            }
        }
    }
}
