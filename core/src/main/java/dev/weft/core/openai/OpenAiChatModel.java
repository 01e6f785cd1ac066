package dev.weft.core.openai;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;

/**
 * A chat model behind an OpenAI-compatible {@code /chat/completions} endpoint: OpenAI itself, Azure-style
 * gateways, vLLM, Ollama, llama.cpp's server, LM Studio. Speaks JSON over the JDK's {@link java.net.http.HttpClient}
 * and streams over server-sent events. Thread-safe; close it to release its HTTP client.
 *
 * <pre>{@code
 * try (OpenAiChatModel model = OpenAiChatModel.builder()
 *         .model("gpt-4o-mini")                                  // API key from OPENAI_API_KEY
 *         .pricing(Pricing.perMillion("0.15", "0.60", "USD"))
 *         .build()) {
 *     ChatResponse r = model.chat(ChatRequest.of("Name three prime numbers."));
 *     r.timings().timeToFirstToken();  r.usage();  r.finishReason();
 * }
 * }</pre>
 *
 * <p>Failures arrive as typed exceptions that resilience interceptors act on: {@link dev.weft.core.RateLimitedException}
 * (429, with {@code retryAfter}), {@link dev.weft.core.ModelUnavailableException} (5xx, connection failures),
 * {@link dev.weft.core.ModelTimeoutException} (deadlines), and, not worth retrying,
 * {@link dev.weft.core.AuthenticationException} (401/403), {@link dev.weft.core.ModelNotFoundException} (404),
 * {@link dev.weft.core.InvalidRequestException} (400), {@link dev.weft.core.ContentFilteredException} and
 * {@link dev.weft.core.QuotaExceededException}. An answer that cannot be understood (invalid JSON, a truncated
 * stream, tool-call arguments that are not a JSON object) is {@link dev.weft.core.InvalidModelResponseException}.
 * This model does not retry by itself; put it in a {@link dev.weft.core.pipeline.ChatPipeline} with
 * {@code dev.weft.core.resilience.Resilience}.
 */
public final class OpenAiChatModel implements ChatModel {
    private final OpenAiHttp http;
    private final URI uri;
    private final AnsweringModel model;
    private final ChatOptions options;
    private final Duration streamIdleTimeout;

    private OpenAiChatModel(Builder b, Endpoint endpoint) {
        this.options = new ChatOptions(b.modelName(), b.maxTokensParameter, b.streamUsage, b.nonStandardSampling,
                b.parallelToolCalls);
        this.model = new AnsweringModel(b.info(endpoint, EnumSet.of(Capability.CHAT, Capability.STREAMING, Capability.TOOLS,
                Capability.JSON_OUTPUT, Capability.JSON_SCHEMA_OUTPUT)));
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.http = new OpenAiHttp(endpoint, options.model());
        this.uri = http.uri("/chat/completions");
    }

    /** A builder; {@link Builder#model(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ModelInfo info() {
        return model.configured();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Preconditions.notNull(request, "request");
        byte[] body = ChatCompletionsRequest.encode(request, options, false);
        long start = System.nanoTime();
        byte[] answer = http.post(uri, body);
        return ChatCompletionsResponse.decode(answer, model, Duration.ofNanos(System.nanoTime() - start), http.where());
    }

    /**
     * Streams the answer over server-sent events. Nothing is sent until the stream is first read; closing the
     * stream cancels the HTTP exchange. The response carries usage (the endpoint is asked for it with
     * {@code stream_options.include_usage}) and timings (time to the first delta, and to the end).
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        Preconditions.notNull(request, "request");
        http.ensureOpen();
        byte[] body = ChatCompletionsRequest.encode(request, options, true);
        return ChatStream.from(new ChatCompletionsStream(http, uri, body, model, streamIdleTimeout,
                http.endpoint().requestTimeout()));
    }

    /** Releases the HTTP client if this model created it; calls in flight are aborted. Harmless to call again. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[model=" + options.model() + ", " + http.endpoint() + "]";
    }

    /**
     * Builds an {@link OpenAiChatModel}; the shared options are described on {@link OpenAiModelBuilder}. Not
     * thread-safe.
     */
    public static final class Builder extends OpenAiModelBuilder<Builder> {
        /** The default longest silence in a stream, before the first token included. */
        public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(2);

        private MaxTokensParameter maxTokensParameter = MaxTokensParameter.MAX_TOKENS;
        private boolean streamUsage = true;
        private boolean nonStandardSampling;
        private Boolean parallelToolCalls;
        private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

        private Builder() {}

        /** Which field carries {@code Sampling.maxTokens}; default {@link MaxTokensParameter#MAX_TOKENS}. */
        public Builder maxTokensParameter(MaxTokensParameter parameter) {
            this.maxTokensParameter = parameter;
            return this;
        }

        /**
         * Whether streamed requests ask for usage with {@code stream_options: {"include_usage": true}}; default
         * true. Turn it off for servers that reject {@code stream_options}; streamed usage is then zero unless the
         * server sends it anyway.
         */
        public Builder streamUsage(boolean streamUsage) {
            this.streamUsage = streamUsage;
            return this;
        }

        /**
         * Whether to send {@code Sampling.topK} and {@code repetitionPenalty} as {@code top_k} and
         * {@code repetition_penalty}, which vLLM, llama.cpp and LM Studio take and OpenAI rejects; default false
         * (they are left out).
         */
        public Builder nonStandardSampling(boolean send) {
            this.nonStandardSampling = send;
            return this;
        }

        /** Sent as {@code parallel_tool_calls} when a request offers tools; default unset (the endpoint's default). */
        public Builder parallelToolCalls(Boolean parallel) {
            this.parallelToolCalls = parallel;
            return this;
        }

        /**
         * The longest silence allowed in a streamed answer, including the wait for the first byte; default 2
         * minutes. Reasoning models may think for a long time before their first token.
         */
        public Builder streamIdleTimeout(Duration timeout) {
            this.streamIdleTimeout = timeout;
            return this;
        }

        /**
         * The model.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public OpenAiChatModel build() {
            Endpoint endpoint = endpoint("OpenAiChatModel");
            Preconditions.notNull(maxTokensParameter, "maxTokensParameter");
            positive(streamIdleTimeout, "streamIdleTimeout");
            return new OpenAiChatModel(this, endpoint);
        }
    }
}
