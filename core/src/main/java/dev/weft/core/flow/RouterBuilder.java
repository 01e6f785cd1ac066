package dev.weft.core.flow;

import dev.weft.core.internal.Preconditions;
import java.util.function.Consumer;

/**
 * What every router builder has: the routes, the router's name and the decision listener. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class RouterBuilder<B extends RouterBuilder<B>> {
    final RouteTable routes = new RouteTable();
    private String name = "router";
    private Consumer<? super RouteDecision> listener = decision -> {};

    RouterBuilder() {}

    /** The router's name, its {@code ModelInfo} id; default {@code router}. */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /**
     * Told of every decision before the routed call, on the calling thread; default none. A listener that throws
     * is logged and the request routed anyway.
     */
    public B listener(Consumer<? super RouteDecision> listener) {
        this.listener = listener;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The router over the routes collected so far, choosing with {@code policy}; validates the shared options. */
    final Router router(RoutePolicy policy) {
        Preconditions.notBlank(name, "name");
        Preconditions.notNull(listener, "listener");
        Preconditions.check(!routes.isEmpty(), "a router needs at least one route");
        return new Router(name, routes.snapshot(), policy, listener);
    }
}
