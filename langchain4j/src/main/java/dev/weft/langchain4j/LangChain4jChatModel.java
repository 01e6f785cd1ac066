package dev.weft.langchain4j;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A Weft {@link ChatModel} backed by a LangChain4j chat model, so that every provider LangChain4j supports
 * (Anthropic, Gemini, Bedrock, Ollama, Mistral, Azure…) plugs into Weft's pipelines, interceptors, agents and
 * evaluation like a native model.
 *
 * <pre>{@code
 * ChatModel claude = LangChain4jChatModel.builder()
 *     .streamingChatModel(AnthropicStreamingChatModel.builder().apiKey(key).modelName("claude-sonnet-4-5").build())
 *     .build();
 * ChatModel guarded = ChatPipeline.over(claude).with(Resilience.retries(3)).build();
 * }</pre>
 *
 * <p><b>What is carried across.</b> System, user, assistant (text and tool calls) and tool-result messages; tools,
 * whose JSON Schema becomes LangChain4j's typed schema where that is exact and a raw schema otherwise, so no keyword
 * is lost; the response format (text, JSON, JSON Schema; LangChain4j has no per-request {@code strict} flag, so that
 * is the provider's setting); temperature, top-p, top-k, max tokens and stop sequences. Back come the text, tool
 * calls, token usage, the finish reason and timings. LangChain4j has no portable seed or repetition penalty: a
 * request that sets one is refused with {@link dev.weft.core.UnsupportedCapabilityException} unless
 * {@link Builder#parameters} maps it to the provider's own parameters. The request context stays with Weft (its
 * interceptors read it); nothing of it is sent.
 *
 * <p><b>Streaming.</b> Given a {@link StreamingChatModel}, {@link #stream} pulls LangChain4j's pushed callbacks
 * through a bounded buffer ({@link Builder#streamBufferSize}): a slow reader slows the provider down, and closing the
 * stream cancels it and frees the callback thread. Text arrives as {@code ChatDelta.Text}, tool calls as
 * {@code ChatDelta.ToolCallChunk}s (one whole chunk per call from providers that do not stream arguments). Without a
 * streaming model, {@code stream} answers with {@code chat} and replays it; without a blocking one, {@code chat}
 * reads the stream to its end.
 *
 * <p><b>Errors</b> become Weft's typed exceptions: rate limits {@link dev.weft.core.RateLimitedException}, timeouts
 * {@link dev.weft.core.ModelTimeoutException}, server errors and unreachable servers
 * {@link dev.weft.core.ModelUnavailableException}, rejected requests {@link InvalidInputException}, unknown models
 * {@link dev.weft.core.ModelNotFoundException}, unsupported features
 * {@link dev.weft.core.UnsupportedCapabilityException}, content filters
 * {@link dev.weft.core.GuardrailViolationException}, unparsable answers
 * {@link dev.weft.core.InvalidModelResponseException}; anything else a {@link dev.weft.core.WeftException}.
 *
 * <p>Thread-safe when the LangChain4j models are (theirs are). {@link #close()} does not close the LangChain4j
 * models, which the caller built and owns; later calls throw {@link ResourceClosedException}.
 */
public final class LangChain4jChatModel implements ChatModel {
    private final dev.langchain4j.model.chat.ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final ModelInfo info;
    private final RequestTranslation requests;
    private final int streamBufferSize;
    private final String what;
    private volatile boolean closed;

    private LangChain4jChatModel(Builder b, ModelInfo info) {
        this.chatModel = b.chatModel;
        this.streamingModel = b.streamingModel;
        this.info = info;
        this.requests = new RequestTranslation(b.parameters);
        this.streamBufferSize = b.streamBufferSize;
        Object implementation = chatModel != null ? chatModel : streamingModel;
        this.what = "LangChain4j model " + implementation.getClass().getSimpleName() + " (" + info.id() + ")";
    }

    /** A builder; give it a LangChain4j {@link Builder#chatModel chat model}, a {@link Builder#streamingChatModel streaming one}, or both. */
    public static Builder builder() {
        return new Builder();
    }

    /** A Weft model over {@code chatModel}, with the {@link ModelInfo} derived from it. */
    public static LangChain4jChatModel of(dev.langchain4j.model.chat.ChatModel chatModel) {
        return builder().chatModel(chatModel).build();
    }

    /** A Weft model over {@code streamingModel}, with the {@link ModelInfo} derived from it. */
    public static LangChain4jChatModel of(StreamingChatModel streamingModel) {
        return builder().streamingChatModel(streamingModel).build();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        checkOpen();
        Checks.notNull(request, "request");
        if (chatModel == null) {
            try (ChatStream stream = stream(request)) {
                return stream.response();
            }
        }
        var translated = requests.translate(request);
        long start = System.nanoTime();
        dev.langchain4j.model.chat.response.ChatResponse answer;
        try {
            answer = chatModel.chat(translated);
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what);
        }
        return ResponseTranslation.translate(answer, info, Timings.of(Duration.ofNanos(System.nanoTime() - start)));
    }

    /**
     * Streams the answer. The request is translated (and refused, if it must be) at once; nothing is sent until
     * the stream is first read.
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        checkOpen();
        Checks.notNull(request, "request");
        if (streamingModel == null) {
            return ChatModel.super.stream(request);
        }
        var translated = requests.translate(request);
        return ChatStream.from(new StreamingSource(streamingModel, translated, info, what, streamBufferSize));
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "LangChain4jChatModel[" + what + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedException(what + " was closed; build a new LangChain4jChatModel");
        }
    }

    /** Builds a {@link LangChain4jChatModel}. Not thread-safe. */
    public static final class Builder {
        private dev.langchain4j.model.chat.ChatModel chatModel;
        private StreamingChatModel streamingModel;
        private ModelInfo info;
        private BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> parameters;
        private int streamBufferSize = 256;

        private Builder() {}

        /** The LangChain4j model that answers {@link LangChain4jChatModel#chat}. */
        public Builder chatModel(dev.langchain4j.model.chat.ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /** The LangChain4j model that answers {@link LangChain4jChatModel#stream}. */
        public Builder streamingChatModel(StreamingChatModel streamingModel) {
            this.streamingModel = streamingModel;
            return this;
        }

        /**
         * What the model is, for tracing, pricing, caching and routing. By default: LangChain4j's configured model
         * name (or the class name) as id, its provider in OpenTelemetry's naming ({@code openai},
         * {@code anthropic}, {@code aws.bedrock}…), chat and streaming capabilities and free pricing; set it to
         * give prices and the context window.
         */
        public Builder info(ModelInfo info) {
            this.info = info;
            return this;
        }

        /**
         * Maps a request's parameters beyond the portable ones: called with the Weft request and the parameters
         * Weft mapped, it returns those to send, typically the provider's own parameter class built over them.
         * When set, seed and repetition penalty are left to it instead of being refused.
         *
         * <pre>{@code
         * .parameters((request, mapped) -> OpenAiChatRequestParameters.builder()
         *     .overrideWith(mapped).seed(request.sampling().seed() == null ? null : request.sampling().seed().intValue())
         *     .build())
         * }</pre>
         */
        public Builder parameters(BiFunction<ChatRequest, ChatRequestParameters, ChatRequestParameters> parameters) {
            this.parameters = parameters;
            return this;
        }

        /** How many deltas a stream buffers ahead of its reader before the provider's callback waits; 256 by default. */
        public Builder streamBufferSize(int streamBufferSize) {
            this.streamBufferSize = streamBufferSize;
            return this;
        }

        public LangChain4jChatModel build() {
            if (chatModel == null && streamingModel == null) {
                throw new InvalidInputException("LangChain4jChatModel.builder() needs a LangChain4j model: call "
                        + "chatModel(..), streamingChatModel(..) or both");
            }
            Checks.check(streamBufferSize >= 1,
                    "LangChain4jChatModel.builder().streamBufferSize(..) must be >= 1, was " + streamBufferSize);
            return new LangChain4jChatModel(this, info != null ? info : defaultInfo());
        }

        private ModelInfo defaultInfo() {
            if (chatModel != null) {
                return ModelInfos.chat(modelName(chatModel.defaultRequestParameters()), chatModel.provider(),
                        chatModel.getClass(), streamingModel != null,
                        chatModel.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
            }
            return ModelInfos.chat(modelName(streamingModel.defaultRequestParameters()), streamingModel.provider(),
                    streamingModel.getClass(), true,
                    streamingModel.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
        }

        private static String modelName(ChatRequestParameters defaults) {
            return defaults == null ? null : defaults.modelName();
        }
    }
}
