package dev.weft.core.resilience;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.concurrent.atomic.AtomicBoolean;

/** A test double: a model whose first call throws an {@link AssertionError} (not an exception) and later calls answer. */
final class ErrorOnceModel implements ChatModel {
    private final ModelInfo info;
    private final AtomicBoolean thrown = new AtomicBoolean();

    private ErrorOnceModel(ModelInfo info) {
        this.info = info;
    }

    static ErrorOnceModel named(String id) {
        return new ErrorOnceModel(ScriptedChatModel.named(id).info());
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (thrown.compareAndSet(false, true)) {
            throw new AssertionError("an error, not an exception");
        }
        return ScriptedChatModel.answer("after the error", info);
    }
}
