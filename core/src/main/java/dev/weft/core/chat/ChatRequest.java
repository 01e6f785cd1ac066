package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a chat model needs to answer: the conversation, the tools it may call, the shape of the answer,
 * how to sample, and who the request is for. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .system("You answer in one sentence.")
 *     .user("What is the capital of France?")
 *     .sampling(Sampling.builder().temperature(0.0).build())
 *     .context(RequestContext.builder().userId("u-42").build())
 *     .build();
 * }</pre>
 *
 * @param messages the conversation so far, oldest first; at least one
 * @param tools tools the model may call; empty when none
 * @param responseFormat the shape of the answer
 * @param sampling how to pick tokens
 * @param context who the request is for
 */
public record ChatRequest(List<Message> messages, List<ToolSpec> tools, ResponseFormat responseFormat,
        Sampling sampling, RequestContext context) {

    public ChatRequest {
        messages = Preconditions.immutableList(messages, "messages");
        Preconditions.check(!messages.isEmpty(), "a chat request needs at least one message");
        tools = Preconditions.immutableList(tools, "tools");
        Set<String> names = new HashSet<>();
        for (ToolSpec tool : tools) {
            Preconditions.check(names.add(tool.name()), "tool names must be unique; '" + tool.name() + "' appears twice");
        }
        responseFormat = responseFormat == null ? ResponseFormat.TEXT : responseFormat;
        sampling = sampling == null ? Sampling.DEFAULTS : sampling;
        context = context == null ? RequestContext.EMPTY : context;
    }

    /** A request holding one user message and defaults for everything else. */
    public static ChatRequest of(String userText) {
        return builder().user(userText).build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this request, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.tools.addAll(tools);
        b.responseFormat = responseFormat;
        b.sampling = sampling;
        b.context = context;
        return b;
    }

    /** A copy with {@code sampling} instead of this request's. */
    public ChatRequest withSampling(Sampling sampling) {
        return new ChatRequest(messages, tools, responseFormat, sampling, context);
    }

    /** A copy with {@code context} instead of this request's. */
    public ChatRequest withContext(RequestContext context) {
        return new ChatRequest(messages, tools, responseFormat, sampling, context);
    }

    /** The text of the last user message, or empty when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u) {
                return u.text();
            }
        }
        return "";
    }

    /** Builds {@link ChatRequest}. Not thread-safe. */
    public static final class Builder {
        private final List<Message> messages = new ArrayList<>();
        private final List<ToolSpec> tools = new ArrayList<>();
        private ResponseFormat responseFormat = ResponseFormat.TEXT;
        private Sampling sampling = Sampling.DEFAULTS;
        private RequestContext context = RequestContext.EMPTY;

        private Builder() {}

        public Builder system(String text) {
            return message(new SystemMessage(text));
        }

        public Builder user(String text) {
            return message(new UserMessage(text));
        }

        public Builder assistant(String text) {
            return message(AssistantMessage.of(text));
        }

        public Builder message(Message message) {
            messages.add(Preconditions.notNull(message, "message"));
            return this;
        }

        public Builder messages(List<? extends Message> messages) {
            messages.forEach(this::message);
            return this;
        }

        public Builder tool(ToolSpec tool) {
            tools.add(Preconditions.notNull(tool, "tool"));
            return this;
        }

        public Builder tools(List<ToolSpec> tools) {
            tools.forEach(this::tool);
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder sampling(Sampling sampling) {
            this.sampling = sampling;
            return this;
        }

        public Builder context(RequestContext context) {
            this.context = context;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(messages, tools, responseFormat, sampling, context);
        }
    }
}
