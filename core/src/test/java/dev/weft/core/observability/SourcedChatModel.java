package dev.weft.core.observability;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A test double: a {@link ChatModel} whose {@code stream} calls open the streams it was given, in order (a step may
 * also throw, as a model that fails before streaming does). It does not {@code chat}. Thread-safe.
 */
final class SourcedChatModel implements ChatModel {
    private final ModelInfo info;
    private final Queue<Supplier<ChatStream>> streams = new ConcurrentLinkedQueue<>();

    SourcedChatModel(ModelInfo info) {
        this.info = info;
    }

    /** A model called {@code id} at provider {@code scripted}. */
    static SourcedChatModel named(String id) {
        return new SourcedChatModel(ModelInfo.builder(id, "scripted").capabilities(Capability.CHAT, Capability.STREAMING).build());
    }

    /** The next {@code stream} call reads {@code source}. */
    SourcedChatModel thenStream(ChatStream.Source source) {
        streams.add(() -> ChatStream.from(source));
        return this;
    }

    /** The next {@code stream} call throws {@code failure} instead of returning a stream. */
    SourcedChatModel thenRefuse(RuntimeException failure) {
        streams.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        throw new UnsupportedOperationException("this test double only streams");
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Supplier<ChatStream> next = streams.poll();
        if (next == null) {
            throw new IllegalStateException("no stream scripted for " + request);
        }
        return next.get();
    }
}
