package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ClassificationModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} that sends each request to one of several named models, chosen by rules
 * ({@link #byRules()}), by a classifier reading the last user turn ({@link #byClassifier}) or by cost
 * ({@link #byCost()}).
 *
 * <p>A router is a model rather than an interceptor because an interceptor's chain ends at one fixed model: a
 * routing interceptor would have to call the other models behind the chain's back, past the interceptors between
 * it and the model. As a model, a router sits at the end of a pipeline, so the interceptors around it (tracing,
 * budgets, caches) see every call whichever route it takes, and each route may be a pipeline of its own (with its
 * own retries or fallback):
 *
 * <pre>{@code
 * Router router = Router.byRules()
 *     .route("code", coder, r -> r.lastUserText().contains("```"))
 *     .route("premium", large, r -> "acme".equals(r.context().tenantId()))
 *     .otherwise("default", small)
 *     .listener(decision -> log.debug("route {}", decision))
 *     .build();
 * ChatModel model = ChatPipeline.over(router).with(tracing).with(budget).build();
 * }</pre>
 *
 * <p>Each routed request carries the route's name as the {@link #ROUTE_ATTRIBUTE} attribute of its
 * {@code RequestContext}, the listener hears every {@link RouteDecision} before the routed call, and the
 * response names the model that answered ({@code ChatResponse.model()}). A stream is routed when
 * {@link #stream} is called (a classifier is consulted then); the routed model is called when the stream is first
 * read.
 *
 * <p>{@link #info()} describes the router as a whole, for interceptors placed around it: its id is the router's
 * name and its provider {@code router}; it has every capability of any route, the largest context window, and the
 * pricing of the dearest route (by input plus output price, currencies unconverted), so that a budget's estimate
 * before a call is an upper bound.
 *
 * <p>Thread-safe if its models, predicates and listener are. Closing the router closes each route's model once;
 * a classifier is not closed.
 */
public final class Router implements ChatModel {
    /** The request context attribute that carries the name of the route taken. */
    public static final String ROUTE_ATTRIBUTE = "flow.route";

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ModelInfo info;
    private final Map<String, ChatModel> routes;
    private final RoutePolicy policy;
    private final Consumer<? super RouteDecision> listener;

    Router(String name, Map<String, ChatModel> routes, RoutePolicy policy, Consumer<? super RouteDecision> listener) {
        this.routes = routes;
        this.policy = policy;
        this.listener = listener;
        this.info = describe(name, routes);
    }

    /** A builder for a router whose rules are tried in order; the first whose predicate accepts a request routes it. */
    public static RuleRouterBuilder byRules() {
        return new RuleRouterBuilder();
    }

    /** A builder for a router that classifies the last user turn with {@code classifier} and routes by label. */
    public static ClassifierRouterBuilder byClassifier(ClassificationModel classifier) {
        return new ClassifierRouterBuilder(classifier);
    }

    /** A builder for a router that picks the cheapest model able to serve each request. */
    public static CostRouterBuilder byCost() {
        return new CostRouterBuilder();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /**
     * The route {@code request} would take, without calling a model or telling the listener (a classifier is
     * still consulted).
     */
    public RouteDecision route(ChatRequest request) {
        return policy.choose(request);
    }

    /** The routes, by name, in the order they were added. */
    public Map<String, ChatModel> routes() {
        return routes;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        RouteDecision decision = decide(request);
        return routes.get(decision.route()).chat(ContextStamp.with(request, ROUTE_ATTRIBUTE, decision.route()));
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        RouteDecision decision = decide(request);
        return routes.get(decision.route()).stream(ContextStamp.with(request, ROUTE_ATTRIBUTE, decision.route()));
    }

    private RouteDecision decide(ChatRequest request) {
        RouteDecision decision = policy.choose(request);
        try {
            listener.accept(decision);
        } catch (RuntimeException e) {
            LOG.warn("The route listener of {} failed on {}; the request is routed anyway", info.id(), decision, e);
        }
        return decision;
    }

    @Override
    public void close() {
        new OwnedModels(List.copyOf(routes.values())).close();
    }

    private static ModelInfo describe(String name, Map<String, ChatModel> routes) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        int contextWindow = 0;
        for (ChatModel model : routes.values()) {
            capabilities.addAll(model.info().capabilities());
            contextWindow = Math.max(contextWindow, model.info().contextWindow());
        }
        Pricing dearest = routes.values().stream()
                .map(m -> m.info().pricing())
                .max(Comparator.comparing(p -> p.inputPerMillion().add(p.outputPerMillion())))
                .orElse(Pricing.FREE);
        return ModelInfo.builder(name, "router")
                .capabilities(capabilities.toArray(Capability[]::new))
                .contextWindow(contextWindow)
                .pricing(dearest)
                .attribute("routes", String.join(",", routes.keySet()))
                .build();
    }
}
