package dev.weft.core.flow;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named routes a router builder collects, in the order they were first added. Not thread-safe. */
final class RouteTable {
    private final Map<String, ChatModel> routes = new LinkedHashMap<>();

    /** Binds {@code route} to {@code model}; binding the same name to the same model again is harmless. */
    void bind(String route, ChatModel model) {
        Preconditions.notBlank(route, "route");
        Preconditions.notNull(model, "model of route '" + route + "'");
        ChatModel earlier = routes.putIfAbsent(route, model);
        if (earlier != null && earlier != model) {
            throw new InvalidInputException("route '" + route + "' is already bound to " + earlier.info().id()
                    + "; give " + model.info().id() + " a route name of its own");
        }
    }

    boolean contains(String route) {
        return routes.containsKey(route);
    }

    ChatModel get(String route) {
        return routes.get(route);
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    /** An immutable copy, in insertion order. */
    Map<String, ChatModel> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }
}
