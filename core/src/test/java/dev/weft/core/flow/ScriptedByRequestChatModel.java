package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A test double: a {@link ChatModel} whose answer is a function of the request (of its seed, say), so that it
 * answers the same whatever order concurrent calls arrive in. Records every request. Thread-safe.
 */
final class ScriptedByRequestChatModel implements ChatModel {
    private final ModelInfo info;
    private final Function<ChatRequest, String> reply;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedByRequestChatModel(String id, Function<ChatRequest, String> reply) {
        this.info = ModelInfo.builder(id, "scripted").capabilities(Capability.CHAT).build();
        this.reply = reply;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        return ScriptedChatModel.answer(reply.apply(request), info);
    }

    List<ChatRequest> requests() {
        return List.copyOf(requests);
    }
}
