package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import java.util.List;
import java.util.Map;

/** The rules of a {@link RuleRouterBuilder rule router}, first match wins. Immutable. */
record RuleTable(List<RuleRouterBuilder.Rule> rules, String defaultRoute, Map<String, ChatModel> routes) {

    RouteDecision choose(ChatRequest request) {
        for (int i = 0; i < rules.size(); i++) {
            RuleRouterBuilder.Rule rule = rules.get(i);
            if (rule.when().test(request)) {
                return new RouteDecision.RuleMatched(rule.route(), routes.get(rule.route()).info(), i);
            }
        }
        return new RouteDecision.Default(defaultRoute, routes.get(defaultRoute).info(), "no rule matched");
    }
}
