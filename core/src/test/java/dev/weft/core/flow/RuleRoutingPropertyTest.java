package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.testing.ChatValues;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For generated rule lists and requests, a rule router takes the route of the first rule whose predicate accepts
 * the request, and the default route when none does, and the request reaches that route's model; the expectation
 * is a plain scan written here. The case's seed is in its name.
 */
class RuleRoutingPropertyTest {

    /** A generated rule: a predicate over some part of the request, and the route (0..3) it leads to. */
    record GeneratedRule(String description, Predicate<ChatRequest> when, int route) {}

    record Scenario(List<GeneratedRule> rules, List<ChatRequest> requests) {}

    static Stream<Arguments> scenarios() {
        return Generated.cases(100, RuleRoutingPropertyTest::scenario);
    }

    static Scenario scenario(Random r) {
        List<GeneratedRule> rules = new ArrayList<>();
        int n = r.intRange(0, 6);
        for (int i = 0; i < n; i++) {
            rules.add(rule(r));
        }
        List<ChatRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(ChatValues.chatRequest(r));
        }
        return new Scenario(rules, requests);
    }

    static GeneratedRule rule(Random r) {
        int route = r.intRange(0, 3);
        return switch (r.intRange(0, 4)) {
            case 0 -> {
                int k = r.intRange(0, 30);
                yield new GeneratedRule("last user text longer than " + k, q -> q.lastUserText().length() > k, route);
            }
            case 1 -> {
                int k = r.intRange(1, 5);
                yield new GeneratedRule("at least " + k + " messages", q -> q.messages().size() >= k, route);
            }
            case 2 -> new GeneratedRule("has tools", q -> !q.tools().isEmpty(), route);
            case 3 -> new GeneratedRule("has a tenant", q -> q.context().tenantId() != null, route);
            default -> {
                String c = String.valueOf(r.alphanumericCharacter());
                yield new GeneratedRule("mentions " + c, q -> q.lastUserText().contains(c), route);
            }
        };
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theFirstMatchingRuleRoutesAndTheDefaultTakesTheRest(Scenario s) {
        List<ScriptedChatModel> models = List.of(ScriptedChatModel.named("m0"), ScriptedChatModel.named("m1"),
                ScriptedChatModel.named("m2"), ScriptedChatModel.named("m3"));
        ScriptedChatModel fallback = ScriptedChatModel.named("default");
        RuleRouterBuilder builder = Router.byRules();
        s.rules().forEach(rule -> builder.route("r" + rule.route(), models.get(rule.route()), rule.when()));
        Router router = builder.otherwise("default", fallback).build();

        for (ChatRequest request : s.requests()) {
            String expected = "default";
            for (GeneratedRule rule : s.rules()) {
                if (rule.when().test(request)) {
                    expected = "r" + rule.route();
                    break;
                }
            }
            RouteDecision decision = router.route(request);
            assertThat(decision.route()).as("rules %s", s.rules().stream().map(GeneratedRule::description).toList())
                    .isEqualTo(expected);
            assertThat(router.chat(request).model()).isEqualTo(router.routes().get(expected).info());
        }
    }
}
