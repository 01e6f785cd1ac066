package dev.weft.core.flow;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenCounter;
import java.util.Map;

/**
 * Builds a {@link Router} that sends each request to the cheapest route whose model can serve it
 * ({@link RouteDecision.Cheapest}); equal costs go to the route added first. A model can serve a request when its
 * {@code ModelInfo} has the capabilities the request uses ({@code TOOLS} when it offers tools,
 * {@code JSON_OUTPUT} or {@code JSON_SCHEMA_OUTPUT} for its response format) and its context window holds the
 * estimated input plus the output tokens (a window of 0, unknown, holds anything). The cost is
 * {@code Pricing.cost} of that estimate. When no model can serve a request the router throws
 * {@link dev.weft.core.UnsupportedCapabilityException} saying why each route was ruled out. Not thread-safe.
 *
 * <p>The estimate: input tokens are the {@link #tokenCounter} applied to each message's text (an assistant's tool
 * calls: their names and arguments; a tool result: its content) and to each tool's name, description and schema,
 * summed, without per-message overhead; output tokens are the request's {@code maxTokens}, or
 * {@link #expectedOutputTokens} when it has none. The default counter is {@link TokenCounter#APPROXIMATE}, one
 * token per four characters rounded up.
 *
 * <pre>{@code
 * Router router = Router.byCost()
 *     .route("local", onnxModel)            // free, 4 k context, no tools
 *     .route("mini", gpt4oMini)
 *     .route("large", gpt4o)
 *     .expectedOutputTokens(400)
 *     .build();
 * }</pre>
 */
public final class CostRouterBuilder extends RouterBuilder<CostRouterBuilder> {
    private TokenCounter tokenCounter = TokenCounter.APPROXIMATE;
    private int expectedOutputTokens = 256;

    CostRouterBuilder() {}

    /** A candidate route. Routes are compared in the order they are added. */
    public CostRouterBuilder route(String route, ChatModel model) {
        routes.bind(route, model);
        return this;
    }

    /** How to count a request's tokens; default {@link TokenCounter#APPROXIMATE}. */
    public CostRouterBuilder tokenCounter(TokenCounter tokenCounter) {
        this.tokenCounter = tokenCounter;
        return this;
    }

    /** The output tokens assumed for a request without {@code maxTokens}, >= 0; default 256. */
    public CostRouterBuilder expectedOutputTokens(int expectedOutputTokens) {
        this.expectedOutputTokens = expectedOutputTokens;
        return this;
    }

    /**
     * The router.
     *
     * @throws dev.weft.core.InvalidInputException naming the first bad option, or two routes priced in different
     *     currencies (free routes may be in any)
     */
    public Router build() {
        Preconditions.notNull(tokenCounter, "tokenCounter");
        Preconditions.check(expectedOutputTokens >= 0, "expectedOutputTokens must be >= 0, was " + expectedOutputTokens);
        Map<String, ChatModel> candidates = routes.snapshot();
        String currencyRoute = null;
        for (Map.Entry<String, ChatModel> route : candidates.entrySet()) {
            Pricing pricing = route.getValue().info().pricing();
            if (pricing.inputPerMillion().signum() == 0 && pricing.outputPerMillion().signum() == 0) {
                continue;
            }
            if (currencyRoute == null) {
                currencyRoute = route.getKey();
                continue;
            }
            String currency = candidates.get(currencyRoute).info().pricing().currency();
            Preconditions.check(currency.equals(pricing.currency()), "routes '" + currencyRoute + "' (" + currency + ") and '"
                    + route.getKey() + "' (" + pricing.currency() + ") are priced in different currencies, which cost routing"
                    + " cannot compare; give their models prices in one currency");
        }
        return router(new CostPolicy(tokenCounter, expectedOutputTokens, candidates));
    }
}
