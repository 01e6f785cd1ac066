package dev.weft.core.flow;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import java.math.BigDecimal;

/**
 * Which route a {@link Router} took for one request, and why. The set is closed: a rule matched
 * ({@link RuleMatched}), the classifier named a label ({@link Classified}), the route was the cheapest that fits
 * ({@link Cheapest}), or nothing decided and the default route was taken ({@link Default}). Immutable.
 *
 * <pre>{@code
 * Router router = Router.byRules()
 *     .route("code", coder, r -> r.lastUserText().contains("```"))
 *     .otherwise("default", small)
 *     .listener(decision -> {
 *         if (decision instanceof RouteDecision.Default d) {
 *             log.info("no rule for this request ({}), sent to {}", d.reason(), d.route());
 *         }
 *     })
 *     .build();
 * }</pre>
 */
public sealed interface RouteDecision {

    /** The name of the route taken, also stamped on the routed request as {@link Router#ROUTE_ATTRIBUTE}. */
    String route();

    /** The model behind that route. */
    ModelInfo model();

    /**
     * A rule's predicate accepted the request.
     *
     * @param route the rule's route
     * @param model the route's model
     * @param rule the rule's position, from 0, in the order the rules were added
     */
    record RuleMatched(String route, ModelInfo model, int rule) implements RouteDecision {
        public RuleMatched {
            Preconditions.notBlank(route, "route");
            Preconditions.notNull(model, "model");
        }
    }

    /**
     * The classifier's most probable label has a route, at or above the minimum confidence.
     *
     * @param route the label's route
     * @param model the route's model
     * @param label the label
     * @param probability the classifier's probability for it
     */
    record Classified(String route, ModelInfo model, String label, double probability) implements RouteDecision {
        public Classified {
            Preconditions.notBlank(route, "route");
            Preconditions.notNull(model, "model");
        }
    }

    /**
     * The cheapest route whose model can serve the request.
     *
     * @param route the route
     * @param model the route's model
     * @param estimatedCost the estimated cost of the call at the model's prices
     * @param currency the currency of {@code estimatedCost}
     * @param inputTokens the estimate of the request's input tokens
     * @param outputTokens the output tokens assumed (the request's {@code maxTokens}, or the router's expectation)
     */
    record Cheapest(String route, ModelInfo model, BigDecimal estimatedCost, String currency, long inputTokens,
            long outputTokens) implements RouteDecision {
        public Cheapest {
            Preconditions.notBlank(route, "route");
            Preconditions.notNull(model, "model");
            Preconditions.notNull(estimatedCost, "estimatedCost");
        }
    }

    /**
     * No rule or label decided, so the default route was taken.
     *
     * @param route the default route
     * @param model its model
     * @param reason why nothing else decided, for logs
     */
    record Default(String route, ModelInfo model, String reason) implements RouteDecision {
        public Default {
            Preconditions.notBlank(route, "route");
            Preconditions.notNull(model, "model");
            Preconditions.notNull(reason, "reason");
        }
    }
}
