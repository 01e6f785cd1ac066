package dev.weft.core.testing;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double: a {@link ChatModel} that records every request and answers from a script. {@code chat}
 * steps are consumed in order; when none is left it answers {@code "echo: <last user text>"}. {@code stream}
 * calls replay scripted {@link ScriptedSource}s, or stream the next {@code chat} answer in two-character deltas.
 * Thread-safe.
 */
public final class ScriptedChatModel implements ChatModel {
    private final ModelInfo info;
    private final Queue<Function<ChatRequest, ChatResponse>> chatScript = new ConcurrentLinkedQueue<>();
    private final Queue<ScriptedSource> streamScript = new ConcurrentLinkedQueue<>();
    private final List<ChatRequest> chatRequests = new CopyOnWriteArrayList<>();
    private final List<ChatRequest> streamRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();

    public ScriptedChatModel(ModelInfo info) {
        this.info = info;
    }

    /** A model called {@code id} at provider {@code scripted}, able to chat and stream. */
    public static ScriptedChatModel named(String id) {
        return new ScriptedChatModel(ModelInfo.builder(id, "scripted")
                .capabilities(Capability.CHAT, Capability.STREAMING).contextWindow(4096).build());
    }

    /** A text answer from {@code model}. */
    public static ChatResponse answer(String text, ModelInfo model) {
        return new ChatResponse(AssistantMessage.of(text), new TokenUsage(3, 2), FinishReason.STOP, model, Timings.ZERO);
    }

    /** The next {@code chat} call answers {@code text}. */
    public ScriptedChatModel thenAnswer(String text) {
        chatScript.add(request -> answer(text, info));
        return this;
    }

    /** The next {@code chat} call answers {@code response}. */
    public ScriptedChatModel thenAnswer(ChatResponse response) {
        chatScript.add(request -> response);
        return this;
    }

    /** The next {@code chat} call throws {@code failure}. */
    public ScriptedChatModel thenThrow(RuntimeException failure) {
        chatScript.add(request -> {
            throw failure;
        });
        return this;
    }

    /** The next {@code chat} call returns null, as a broken model might. */
    public ScriptedChatModel thenReturnNull() {
        chatScript.add(request -> null);
        return this;
    }

    /** The next {@code stream} call reads {@code source}. */
    public ScriptedChatModel thenStream(ScriptedSource source) {
        streamScript.add(source);
        return this;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        chatRequests.add(request);
        Function<ChatRequest, ChatResponse> step = chatScript.poll();
        return step != null ? step.apply(request) : answer("echo: " + request.lastUserText(), info);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        streamRequests.add(request);
        ScriptedSource source = streamScript.poll();
        if (source == null) {
            Function<ChatRequest, ChatResponse> step = chatScript.poll();
            ChatResponse response = step != null ? step.apply(request) : answer("echo: " + request.lastUserText(), info);
            source = new ScriptedSource(chunks(response.text()), response);
        }
        return ChatStream.from(source);
    }

    private static List<ChatDelta> chunks(String text) {
        List<ChatDelta> deltas = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 2) {
            deltas.add(new ChatDelta.Text(text.substring(i, Math.min(text.length(), i + 2))));
        }
        return deltas;
    }

    /** The {@code chat} requests received, in order. */
    public List<ChatRequest> chatRequests() {
        return List.copyOf(chatRequests);
    }

    /** The {@code stream} requests received, in order. */
    public List<ChatRequest> streamRequests() {
        return List.copyOf(streamRequests);
    }

    /** How many times {@link #close()} was called. */
    public int closeCount() {
        return closes.get();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
