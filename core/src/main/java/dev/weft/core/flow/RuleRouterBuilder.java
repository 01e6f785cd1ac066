package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds a {@link Router} that tries its rules in the order they were added: the first rule whose predicate
 * accepts a request routes it ({@link RouteDecision.RuleMatched}); when none does, the {@link #otherwise} route
 * takes it ({@link RouteDecision.Default}). Predicates see the whole request, its {@code RequestContext}
 * included. Several rules may share a route. Not thread-safe.
 *
 * <pre>{@code
 * Router router = Router.byRules()
 *     .route("code", coder, r -> r.lastUserText().contains("```"))
 *     .route("long", large, r -> r.lastUserText().length() > 4_000)
 *     .route("long", large, r -> r.messages().size() > 40)
 *     .otherwise("default", small)
 *     .build();
 * }</pre>
 */
public final class RuleRouterBuilder extends RouterBuilder<RuleRouterBuilder> {
    private final List<Rule> rules = new ArrayList<>();
    private String defaultRoute;

    RuleRouterBuilder() {}

    /** Adds a rule after those added so far: requests that {@code when} accepts go to {@code model}, as {@code route}. */
    public RuleRouterBuilder route(String route, ChatModel model, Predicate<? super ChatRequest> when) {
        Preconditions.notNull(when, "predicate of route '" + route + "'");
        routes.bind(route, model);
        rules.add(new Rule(route, when));
        return this;
    }

    /** Where requests that no rule accepts go. Required. */
    public RuleRouterBuilder otherwise(String route, ChatModel model) {
        routes.bind(route, model);
        defaultRoute = route;
        return this;
    }

    /**
     * The router.
     *
     * @throws dev.weft.core.InvalidInputException naming the first bad option
     */
    public Router build() {
        Preconditions.check(defaultRoute != null, "a rule router needs a default route: call otherwise(route, model)");
        RuleTable table = new RuleTable(List.copyOf(rules), defaultRoute, routes.snapshot());
        return router(table::choose);
    }

    /** One rule: requests its predicate accepts go to its route. */
    record Rule(String route, Predicate<? super ChatRequest> when) {}
}
