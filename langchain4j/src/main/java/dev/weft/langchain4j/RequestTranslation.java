package dev.weft.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.weft.core.InvalidInputException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a Weft {@link ChatRequest} into a LangChain4j one: messages, tools, response format and the sampling
 * parameters LangChain4j has a portable name for. {@link Sampling#seed()} and {@link Sampling#repetitionPenalty()}
 * have none; a request that sets them is refused unless the caller maps parameters itself.
 */
final class RequestTranslation {
    private final BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customParameters;

    /** @param customParameters the caller's mapping of parameters, or null for the portable mapping alone */
    RequestTranslation(BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> customParameters) {
        this.customParameters = customParameters;
    }

    dev.langchain4j.model.chat.request.ChatRequest translate(ChatRequest request) {
        ChatRequestParameters portable = parameters(request);
        ChatRequestParameters parameters = portable;
        if (customParameters != null) {
            parameters = customParameters.apply(request, portable);
            if (parameters == null) {
                throw new InvalidInputException("the parameters function given to LangChain4jChatModel.builder()"
                        + ".parameters(..) returned null; return the parameters to send (at least the ones it was given)");
            }
        } else {
            refuseUnmapped(request.sampling());
        }
        return dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages(request.messages()))
                .parameters(parameters)
                .build();
    }

    private static void refuseUnmapped(Sampling s) {
        List<String> unmapped = new ArrayList<>();
        if (s.seed() != null) {
            unmapped.add("seed");
        }
        if (s.repetitionPenalty() != null) {
            unmapped.add("repetitionPenalty");
        }
        if (!unmapped.isEmpty()) {
            throw new UnsupportedCapabilityException("LangChain4j has no portable request parameter for sampling "
                    + unmapped + "; map it to your provider's parameters with LangChain4jChatModel.builder()"
                    + ".parameters((request, mapped) -> ...), for example OpenAiChatRequestParameters.builder()"
                    + ".overrideWith(mapped).seed(request.sampling().seed()).build(), or leave it unset");
        }
    }

    private static ChatRequestParameters parameters(ChatRequest request) {
        Sampling s = request.sampling();
        var b = ChatRequestParameters.builder()
                .temperature(s.temperature())
                .topP(s.topP())
                .topK(s.topK())
                .maxOutputTokens(s.maxTokens());
        if (!s.stop().isEmpty()) {
            b.stopSequences(s.stop());
        }
        if (!request.tools().isEmpty()) {
            b.toolSpecifications(request.tools().stream().map(RequestTranslation::tool).toList());
        }
        dev.langchain4j.model.chat.request.ResponseFormat format = responseFormat(request.responseFormat());
        if (format != null) {
            b.responseFormat(format);
        }
        return b.build();
    }

    static ToolSpecification tool(ToolSpec tool) {
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description().isEmpty() ? null : tool.description())
                .parameters(SchemaTranslation.toolParameters(tool.parameters(), tool.name()))
                .build();
    }

    /** Null for free text: LangChain4j's default, which some providers refuse to be told explicitly. */
    static dev.langchain4j.model.chat.request.ResponseFormat responseFormat(ResponseFormat format) {
        return switch (format) {
            case ResponseFormat.Text t -> null;
            case ResponseFormat.Json j -> dev.langchain4j.model.chat.request.ResponseFormat.JSON;
            case ResponseFormat.JsonSchema s -> dev.langchain4j.model.chat.request.ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(s.name()).rootElement(SchemaTranslation.element(s.schema())).build())
                    .build();
        };
    }

    static List<ChatMessage> messages(List<Message> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(message(messages.get(i), i));
        }
        return out;
    }

    private static ChatMessage message(Message message, int index) {
        return switch (message) {
            case SystemMessage s -> {
                if (s.text().isBlank()) {
                    throw new InvalidInputException("messages[" + index + "] is a blank system message, which "
                            + "LangChain4j refuses; leave it out or give it text");
                }
                yield dev.langchain4j.data.message.SystemMessage.from(s.text());
            }
            case UserMessage u -> dev.langchain4j.data.message.UserMessage.from(u.text());
            case AssistantMessage a -> AiMessage.builder()
                    .text(a.text().isEmpty() ? null : a.text())
                    .toolExecutionRequests(a.toolCalls().stream().map(RequestTranslation::toolCall).toList())
                    .build();
            case ToolResultMessage r -> ToolExecutionResultMessage.builder()
                    .id(r.toolCallId())
                    .toolName(r.toolName())
                    .text(r.content())
                    .isError(r.error() ? Boolean.TRUE : null)
                    .build();
        };
    }

    private static ToolExecutionRequest toolCall(ToolCall call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.arguments()).build();
    }
}
