package dev.weft.rag.answer;

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
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A test double, since no real chat model runs in this module's tests: a {@link ChatModel} that records every
 * request and answers with the text its script writes for it. {@code stream} writes the same answer in
 * three-character deltas, so markers arrive split, and only when first read; its final response equals what
 * {@code chat} returns. Usage counts the prompt and answer with {@link TokenCounter#APPROXIMATE}. Thread-safe.
 */
final class ScriptedChatModel implements ChatModel {
    static final ModelInfo INFO = ModelInfo.builder("scripted-answerer", "test")
            .capabilities(Capability.CHAT, Capability.STREAMING).build();

    private final Function<ChatRequest, String> script;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    private ScriptedChatModel(Function<ChatRequest, String> script) {
        this.script = script;
    }

    /** A model that always answers {@code text}. */
    static ScriptedChatModel answering(String text) {
        return new ScriptedChatModel(request -> text);
    }

    /** A model that answers what {@code script} writes for the request. */
    static ScriptedChatModel answering(Function<ChatRequest, String> script) {
        return new ScriptedChatModel(script);
    }

    /** The requests received, by chat or stream, in order. */
    List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The only request received. */
    ChatRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.getFirst();
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        return respond(request);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        return ChatStream.from(new ChatStream.Source() {
            private ChatResponse response;
            private int offset;

            @Override
            public ChatDelta next() {
                if (response == null) {
                    requests.add(request);
                    response = respond(request);
                }
                String text = response.text();
                if (offset >= text.length()) {
                    return null;
                }
                int end = Math.min(text.length(), offset + 3);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end++;
                }
                ChatDelta delta = new ChatDelta.Text(text.substring(offset, end));
                offset = end;
                return delta;
            }

            @Override
            public ChatResponse finish() {
                return response;
            }
        });
    }

    private ChatResponse respond(ChatRequest request) {
        String text = script.apply(request);
        String prompt = String.join("\n", request.messages().stream().map(Object::toString).toList());
        TokenUsage usage = new TokenUsage(TokenCounter.APPROXIMATE.count(prompt), TokenCounter.APPROXIMATE.count(text));
        return new ChatResponse(AssistantMessage.of(text), usage, FinishReason.STOP, INFO, Timings.ZERO);
    }
}
