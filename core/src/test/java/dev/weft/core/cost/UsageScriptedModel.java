package dev.weft.core.cost;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: a {@link ChatModel} that answers every call with the usage its request asks for, through the context
 * attributes {@link #INPUT} and {@link #OUTPUT} (zero when absent), so that a test decides how far each call's actual
 * usage is from its estimate. Counts the calls that reached it, and runs an optional hook inside each call (a test holds
 * calls in flight with it). Thread-safe.
 */
final class UsageScriptedModel implements ChatModel {
    static final String INPUT = "test.usage.input";
    static final String OUTPUT = "test.usage.output";

    private final ModelInfo info;
    private final Runnable whileAnswering;
    private final AtomicInteger calls = new AtomicInteger();

    UsageScriptedModel(ModelInfo info) {
        this(info, () -> {});
    }

    /** A model that runs {@code whileAnswering} in every call, before answering. */
    UsageScriptedModel(ModelInfo info, Runnable whileAnswering) {
        this.info = info;
        this.whileAnswering = whileAnswering;
    }

    /** A model called {@code id} at {@code pricing}. */
    static UsageScriptedModel priced(String id, Pricing pricing) {
        return new UsageScriptedModel(ModelInfo.builder(id, "scripted").pricing(pricing).build());
    }

    /**
     * A request from {@code user} (none when null) of tenant {@code acme} and feature {@code chat} saying {@code text},
     * allowing {@code maxTokens}, whose answer will report {@code actual}.
     */
    static ChatRequest request(String user, String text, int maxTokens, TokenUsage actual) {
        return ChatRequest.builder()
                .user(text)
                .sampling(Sampling.builder().maxTokens(maxTokens).build())
                .context(RequestContext.builder().userId(user).tenantId("acme").feature("chat")
                        .attribute(INPUT, Long.toString(actual.inputTokens()))
                        .attribute(OUTPUT, Long.toString(actual.outputTokens()))
                        .build())
                .build();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        whileAnswering.run();
        TokenUsage usage = new TokenUsage(attribute(request, INPUT), attribute(request, OUTPUT));
        return new ChatResponse(AssistantMessage.of("ok"), usage, FinishReason.STOP, info, Timings.ZERO);
    }

    private static long attribute(ChatRequest request, String key) {
        String v = request.context().attributes().get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    int calls() {
        return calls.get();
    }
}
