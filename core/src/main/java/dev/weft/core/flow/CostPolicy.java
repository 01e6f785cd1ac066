package dev.weft.core.flow;

import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Routes to the cheapest model that fits a request, the earliest route among equals. Immutable; thread-safe if the counter is. */
record CostPolicy(TokenCounter counter, int expectedOutputTokens, Map<String, ChatModel> routes) implements RoutePolicy {

    @Override
    public RouteDecision choose(ChatRequest request) {
        RequestNeeds needs = RequestNeeds.of(request, counter, expectedOutputTokens);
        RouteDecision.Cheapest best = null;
        List<String> misfits = new ArrayList<>();
        for (Map.Entry<String, ChatModel> route : routes.entrySet()) {
            ModelInfo model = route.getValue().info();
            String misfit = needs.misfit(model);
            if (misfit != null) {
                misfits.add(route.getKey() + " (" + misfit + ")");
                continue;
            }
            BigDecimal cost = model.pricing().cost(needs.usage());
            if (best == null || cost.compareTo(best.estimatedCost()) < 0) {
                best = new RouteDecision.Cheapest(route.getKey(), model, cost, model.pricing().currency(), needs.inputTokens(),
                        needs.outputTokens());
            }
        }
        if (best == null) {
            throw new UnsupportedCapabilityException("No route fits this request, which uses " + needs.capabilities()
                    + " and needs about " + (needs.inputTokens() + needs.outputTokens()) + " tokens of context with its answer: " + String.join(", ", misfits)
                    + ". Add a route whose model can serve it, or shorten the request.");
        }
        return best;
    }
}
