package dev.weft.core.flow;

import dev.weft.core.model.ChatModel;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The models a composite model (a router, a chain, a gate) closes when it is closed: each once, however many times
 * it appears. Immutable.
 */
record OwnedModels(List<ChatModel> models) {

    OwnedModels {
        models = List.copyOf(models);
    }

    void close() {
        Set<ChatModel> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ChatModel model : models) {
            if (closed.add(model)) {
                model.close();
            }
        }
    }
}
