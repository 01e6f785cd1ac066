package dev.weft.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** Turns a LangChain4j chat response into Weft's: the answer, usage, finish reason, the model and timings. */
final class ResponseTranslation {
    private ResponseTranslation() {}

    /**
     * Weft's response for {@code response}.
     *
     * @throws InvalidModelResponseException if LangChain4j handed over no answer, or a tool call without id or name
     */
    static ChatResponse translate(dev.langchain4j.model.chat.response.ChatResponse response, ModelInfo model,
            Timings timings) {
        if (response == null || response.aiMessage() == null) {
            throw new InvalidModelResponseException(model.id() + " (through LangChain4j) returned no answer",
                    String.valueOf(response));
        }
        AssistantMessage message = message(response.aiMessage(), model);
        return new ChatResponse(message, usage(response.tokenUsage()), finishReason(response.finishReason(), message),
                model, timings);
    }

    static AssistantMessage message(AiMessage ai, ModelInfo model) {
        List<ToolCall> calls = new ArrayList<>();
        if (ai.toolExecutionRequests() != null) {
            for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                if (r.id() == null || r.id().isBlank() || r.name() == null || r.name().isBlank()) {
                    throw new InvalidModelResponseException(model.id() + " (through LangChain4j) returned a tool call "
                            + "without an id or a name", String.valueOf(r));
                }
                calls.add(new ToolCall(r.id(), r.name(), r.arguments()));
            }
        }
        return new AssistantMessage(ai.text(), calls);
    }

    static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.ZERO;
        }
        return new TokenUsage(nonNegative(usage.inputTokenCount()), nonNegative(usage.outputTokenCount()));
    }

    /** LangChain4j's reason, or when it gives none, TOOL_CALLS if the answer calls tools and STOP otherwise. */
    static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason, AssistantMessage message) {
        if (reason == null) {
            return message.hasToolCalls() ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER; // OTHER, and any reason a later LangChain4j adds
        };
    }

    private static long nonNegative(Integer count) {
        return count == null || count < 0 ? 0 : count;
    }
}
