package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;

/** How a {@link Router} picks a route for one request: by rule, by classifier or by cost. Thread-safe. */
@FunctionalInterface
interface RoutePolicy {

    /** The route to take for {@code request}; never null. */
    RouteDecision choose(ChatRequest request);
}
