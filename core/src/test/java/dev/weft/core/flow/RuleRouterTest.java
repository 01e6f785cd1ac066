package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Router#byRules()}: first matching rule wins, the default takes the rest, the route is reported and stamped. */
class RuleRouterTest {
    private final ScriptedChatModel small = ScriptedChatModel.named("small");
    private final ScriptedChatModel large = ScriptedChatModel.named("large");
    private final ScriptedChatModel coder = ScriptedChatModel.named("coder");
    private final List<RouteDecision> heard = new ArrayList<>();

    private Router router() {
        return Router.byRules()
                .route("code", coder, r -> r.lastUserText().contains("```"))
                .route("acme", large, r -> "acme".equals(r.context().tenantId()))
                .otherwise("default", small)
                .listener(heard::add)
                .build();
    }

    private static ChatRequest forTenant(String tenant, String text) {
        return ChatRequest.builder().user(text).context(RequestContext.builder().tenantId(tenant).build()).build();
    }

    @Test
    void theFirstMatchingRuleRoutesEvenWhenALaterOneMatchesToo() {
        ChatResponse r = router().chat(forTenant("acme", "fix ```x```"));

        assertThat(r.model()).isEqualTo(coder.info());
        assertThat(heard).containsExactly(new RouteDecision.RuleMatched("code", coder.info(), 0));
        assertThat(large.chatRequests()).isEmpty();
    }

    @Test
    void aRequestNoRuleMatchesTakesTheDefaultRoute() {
        ChatResponse r = router().chat(forTenant("globex", "hello"));

        assertThat(r.model()).isEqualTo(small.info());
        assertThat(heard).containsExactly(new RouteDecision.Default("default", small.info(), "no rule matched"));
    }

    @Test
    void theRoutedRequestCarriesTheRouteNameAndKeepsItsContext() {
        router().chat(forTenant("acme", "hello"));

        RequestContext seen = large.chatRequests().getFirst().context();
        assertThat(seen.attributes()).containsEntry(Router.ROUTE_ATTRIBUTE, "acme");
        assertThat(seen.tenantId()).isEqualTo("acme");
    }

    @Test
    void routeDecidesWithoutCallingAModelOrTheListener() {
        RouteDecision d = router().route(forTenant("acme", "hello"));

        assertThat(d).isEqualTo(new RouteDecision.RuleMatched("acme", large.info(), 1));
        assertThat(heard).isEmpty();
        assertThat(large.chatRequests()).isEmpty();
    }

    @Test
    void streamsAreRoutedToo() {
        try (ChatStream s = router().stream(ChatRequest.of("```code```"))) {
            assertThat(s.response().model()).isEqualTo(coder.info());
        }
        assertThat(coder.streamRequests()).hasSize(1);
        assertThat(coder.streamRequests().getFirst().context().attributes()).containsEntry(Router.ROUTE_ATTRIBUTE, "code");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheCall() {
        Router router = Router.byRules().otherwise("default", small).listener(d -> {
            throw new IllegalStateException("listener bug");
        }).build();

        assertThat(router.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
    }

    @Test
    void itComposesInAPipelineWhoseInterceptorsSeeTheRouterAndTheAnsweringModel() {
        List<String> seen = new ArrayList<>();
        ChatModel model = ChatPipeline.over(router()).with((request, chain) -> {
            ChatResponse r = chain.proceed(request);
            seen.add(chain.model().id() + "->" + r.model().id());
            return r;
        }).build();

        model.chat(forTenant("acme", "q"));

        assertThat(seen).containsExactly("router->large");
    }

    @Test
    void infoDescribesTheRoutesTogether() {
        ChatModel cheap = new ScriptedChatModel(ModelInfo.builder("cheap", "p").capabilities(Capability.CHAT)
                .contextWindow(8_000).pricing(Pricing.perMillion("0.1", "0.4", "USD")).build());
        ChatModel dear = new ScriptedChatModel(ModelInfo.builder("dear", "p").capabilities(Capability.CHAT, Capability.TOOLS)
                .contextWindow(128_000).pricing(Pricing.perMillion("2.5", "10", "USD")).build());

        ModelInfo info = Router.byRules().name("support").route("dear", dear, r -> false).otherwise("cheap", cheap).build().info();

        assertThat(info.id()).isEqualTo("support");
        assertThat(info.provider()).isEqualTo("router");
        assertThat(info.capabilities()).containsExactlyInAnyOrder(Capability.CHAT, Capability.TOOLS);
        assertThat(info.contextWindow()).isEqualTo(128_000);
        assertThat(info.pricing()).isEqualTo(dear.info().pricing());
        assertThat(info.attributes()).containsEntry("routes", "dear,cheap");
    }

    @Test
    void severalRulesMayShareARouteButANameCannotNameTwoModels() {
        Router router = Router.byRules()
                .route("big", large, r -> r.lastUserText().length() > 10)
                .route("big", large, r -> r.messages().size() > 3)
                .otherwise("default", small)
                .build();
        assertThat(router.routes()).containsOnlyKeys("big", "default");

        assertThatThrownBy(() -> Router.byRules().route("big", large, r -> true).route("big", coder, r -> true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route 'big' is already bound to large");
    }

    @Test
    void buildNamesWhatIsMissing() {
        assertThatThrownBy(() -> Router.byRules().route("a", small, r -> true).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("otherwise(route, model)");
        assertThatThrownBy(() -> Router.byRules().route("a", small, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("predicate of route 'a'");
        assertThatThrownBy(() -> Router.byRules().otherwise("a", small).name(" ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
    }

    @Test
    void closingTheRouterClosesEachModelOnce() {
        Router router = Router.byRules().route("a", large, r -> true).route("b", large, r -> false).otherwise("c", small).build();

        router.close();

        assertThat(large.closeCount()).isEqualTo(1);
        assertThat(small.closeCount()).isEqualTo(1);
    }
}
