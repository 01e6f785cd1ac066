package dev.weft.core.observability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Scope;
import java.time.InstantSource;
import java.util.List;

/**
 * Traces every model call of a pipeline with OpenTelemetry, named by the
 * <a href="https://github.com/open-telemetry/semantic-conventions-genai">GenAI semantic conventions</a>: one
 * {@code CLIENT} span per call, named {@code "chat {model id}"}, and the conventions' client histograms. Placed
 * first in a pipeline, its span is current while the rest of the chain runs, so retries, fallbacks and any other
 * instrumented work inside become its children; streams keep it current while they are read. An
 * {@link EmbeddingModel} has no interceptor chain: {@link #embeddings(EmbeddingModel)} wraps one instead (see
 * <a href="#embeddings">Embeddings</a>).
 *
 * <pre>{@code
 * Tracing tracing = Tracing.openTelemetry(openTelemetry);          // defaults: no message content
 * ChatModel model = ChatPipeline.over(remote)
 *     .with(tracing)
 *     .with(Resilience.retries(2).fallbackTo(local).build())
 *     .build();
 * EmbeddingModel embedder = tracing.embeddings(Models.embedding("onnx:all-minilm-l6-v2"));
 *
 * Tracing debugging = Tracing.builder(openTelemetry)
 *     .captureContent(true)                                         // prompts and answers on the span
 *     .providerName("azure.ai.openai")                              // instead of ModelInfo.provider()
 *     .build();
 * }</pre>
 *
 * <h2>Span attributes</h2>
 * <ul>
 *   <li>Always: {@code gen_ai.operation.name} ({@code chat}), {@code gen_ai.provider.name} ({@link ModelInfo#provider()}
 *       unless {@link Builder#providerName overridden}), {@code gen_ai.request.model} (the pipeline model's
 *       {@link ModelInfo#id()}); {@code server.address} and {@code server.port} when the model has a {@code base_url}.</li>
 *   <li>Request, when set: {@code gen_ai.request.temperature}, {@code .top_p}, {@code .top_k}, {@code .max_tokens},
 *       {@code .seed}, {@code .stop_sequences}; {@code gen_ai.request.stream=true} for streams;
 *       {@code gen_ai.output.type=json} for JSON response formats.</li>
 *   <li>Who and why, from {@link dev.weft.core.chat.RequestContext}: {@code user.id}, {@code weft.tenant.id},
 *       {@code weft.feature}, {@code gen_ai.conversation.id}; and from its attributes, under the same names,
 *       {@code prompt.id}, {@code prompt.version}, {@code prompt.hash}, {@code experiment.id},
 *       {@code experiment.variant}.</li>
 *   <li>Model: {@code weft.model.version} when known, {@code weft.model.chat_template} when the model names one
 *       (the {@code chat.template} attribute of local models).</li>
 *   <li>Response: {@code gen_ai.response.id} when the provider gives one, {@code gen_ai.response.model} (the model
 *       that answered, after any fallback), {@code weft.cache.hit} ({@code exact}, {@code semantic} or {@code coalesced}) and
 *       {@code weft.cache.similarity} when a cache inside the traced chain served the answer,
 *       {@code gen_ai.response.finish_reasons} ({@code stop}, {@code length}, {@code tool_call},
 *       {@code content_filter}, {@code cancelled}, {@code other}), {@code gen_ai.usage.input_tokens} and
 *       {@code .output_tokens} (left out when the response reports no usage at all, as cached answers do).</li>
 *   <li>Streams: {@code gen_ai.response.time_to_first_chunk} (seconds from the call to the first delta), and
 *       {@code weft.response.time_per_output_token} (seconds, {@code (total - time to first chunk) / (output tokens - 1)},
 *       when at least two tokens were written).</li>
 *   <li>Failure: {@code error.type} is the exception's canonical class name (such as {@code dev.weft.core.RateLimitedException}),
 *       the status is {@code ERROR} and the exception is recorded. A stream closed before it ended gets
 *       {@code error.type=cancelled} and keeps an unset status: the reader chose to stop.</li>
 *   <li>Content, only with {@link Builder#captureContent captureContent(true)}: {@code gen_ai.input.messages},
 *       {@code gen_ai.output.messages} and {@code gen_ai.tool.definitions} (type and name), as JSON strings in the
 *       conventions' message schema. Off by default: prompts and answers often hold personal data.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * Histograms with the conventions' bucket advice, all carrying {@code gen_ai.operation.name},
 * {@code gen_ai.provider.name}, {@code gen_ai.request.model} and {@code server.*} when known:
 * <ul>
 *   <li>{@code gen_ai.client.operation.duration} (s), with {@code gen_ai.response.model} on success and
 *       {@code error.type} on failure or cancellation;</li>
 *   <li>{@code gen_ai.client.token.usage} ({token}), with {@code gen_ai.token.type} {@code input} or {@code output};</li>
 *   <li>streams only: {@code gen_ai.client.operation.time_to_first_chunk} (s), once per stream, and
 *       {@code gen_ai.client.operation.time_per_output_chunk} (s), for every delta after the first — the conventions'
 *       client-side measures (the {@code gen_ai.server.*} ones are for model servers);</li>
 *   <li>and Weft's own {@code weft.client.operation.time_per_output_token} (s), once per completed stream, because a
 *       delta may hold several tokens.</li>
 * </ul>
 *
 * <h2 id="embeddings">Embeddings</h2>
 * Each {@link EmbeddingModel#embed(List) embed} call of a model wrapped by {@link #embeddings(EmbeddingModel)} gets one
 * {@code CLIENT} span named {@code "embeddings {model id}"}, current while the wrapped model works, following the
 * conventions' <a href="https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/client-embeddings.md">
 * {@code gen_ai.client.embeddings} span</a> (read at commit {@code 88eccb1}, where
 * {@code gen_ai.embeddings.dimension.count} is the recommended attribute for the vectors' length):
 * <ul>
 *   <li>At the start: {@code gen_ai.operation.name} ({@code embeddings}), {@code gen_ai.provider.name},
 *       {@code gen_ai.request.model}, {@code server.address} and {@code server.port} and {@code weft.model.version}
 *       as for chat; {@code gen_ai.embeddings.dimension.count} (the model's {@link EmbeddingModel#dimension()}); and
 *       Weft's {@code weft.embeddings.input.count}, the number of texts in the call.</li>
 *   <li>On success: {@code gen_ai.usage.input_tokens} from the response, left out when it reports no usage.
 *       {@code gen_ai.response.model} is left out: an {@link dev.weft.core.model.EmbeddingResponse} does not say which
 *       model answered.</li>
 *   <li>On failure: {@code error.type}, {@code ERROR} status and the recorded exception, as for chat; the exception
 *       reaches the caller unchanged.</li>
 *   <li>Content: none, whatever {@link Builder#captureContent captureContent} says. The conventions define no attribute
 *       for the texts of an embeddings call ({@code gen_ai.input.messages} is a chat conversation), and Weft does not
 *       invent one.</li>
 * </ul>
 * Metrics: {@code gen_ai.client.operation.duration} and {@code gen_ai.client.token.usage} ({@code gen_ai.token.type=input}
 * only), with the attributes of the chat histograms minus {@code gen_ai.response.model}. This follows the released
 * conventions that the chat histograms follow too; the conventions' unreleased main branch moves embeddings to
 * {@code gen_ai.client.embeddings.duration} and {@code gen_ai.client.embeddings.operation.input_tokens}.
 *
 * <p>A stream's span ends when the stream completes, fails or is closed; a stream that is neither read to its end nor
 * closed leaves its span open, so close streams (try-with-resources). Timestamps and durations come from the SDK's
 * clock and {@link System#nanoTime()} unless a {@link Builder#clock clock} is set.
 *
 * <p>Instruments, attribute keys and each model's attribute sets are built once (models are recognised by the
 * identity of their {@link ModelInfo}); a call builds no JSON unless content is captured. Thread-safe: one instance
 * serves every call of any number of pipelines.
 */
public final class Tracing implements ChatInterceptor, StreamInterceptor {
    /** The instrumentation scope of Weft's spans and metrics. */
    public static final String INSTRUMENTATION_NAME = "dev.weft.core";

    private final Instrumentation instrumentation;
    private final String providerName;
    private final Cache<ModelInfo, ModelAttributes> models = Caffeine.newBuilder().weakKeys().maximumSize(256).build();
    private volatile ModelAttributes lastModel;

    private Tracing(Builder b) {
        TracerBuilder tracer = b.openTelemetry.tracerBuilder(INSTRUMENTATION_NAME);
        MeterBuilder meter = b.openTelemetry.meterBuilder(INSTRUMENTATION_NAME);
        String version = Tracing.class.getPackage().getImplementationVersion();
        if (version != null) {
            tracer.setInstrumentationVersion(version);
            meter.setInstrumentationVersion(version);
        }
        this.instrumentation = new Instrumentation(tracer.build(), new ClientMetrics(meter.build()), b.captureContent, b.clock);
        this.providerName = b.providerName;
    }

    /** Tracing to {@code openTelemetry} with the defaults: no message content, the provider from each model's info. */
    public static Tracing openTelemetry(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder for tracing to {@code openTelemetry}. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        TracedCall call = TracedCall.start(instrumentation, attributesOf(chain.model()), request, false);
        ChatResponse response;
        try (Scope ignored = call.context().makeCurrent()) {
            response = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
        call.succeeded(response);
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        TracedCall call = TracedCall.start(instrumentation, attributesOf(chain.model()), request, true);
        ChatStream stream;
        try (Scope ignored = call.context().makeCurrent()) {
            stream = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
        return ChatStream.from(new TracedSource(stream, call));
    }

    /**
     * {@code model}, traced: each {@link EmbeddingModel#embed(List) embed} call (and so each {@code embed(String)})
     * gets an {@code embeddings} span and the client histograms described <a href="#embeddings">above</a>.
     * {@link EmbeddingModel#info() info()}, {@link EmbeddingModel#dimension() dimension()} and
     * {@link EmbeddingModel#tokenCounter() tokenCounter()} are {@code model}'s own, and
     * {@link EmbeddingModel#close() close()} closes {@code model}: the traced model stands in for it, so closing either
     * one is enough. Thread-safe when {@code model} is.
     *
     * @throws dev.weft.core.InvalidInputException if {@code model} is null
     */
    public EmbeddingModel embeddings(EmbeddingModel model) {
        Preconditions.notNull(model, "model");
        return new TracedEmbeddingModel(model, instrumentation, providerName);
    }

    /** Whether message content is recorded on spans. */
    public boolean capturesContent() {
        return instrumentation.captureContent();
    }

    /** The attribute sets of {@code info}, worked out on its first call (a pipeline's model rarely changes). */
    private ModelAttributes attributesOf(ModelInfo info) {
        ModelAttributes last = lastModel;
        if (last != null && last.info() == info) {
            return last;
        }
        ModelAttributes found = models.get(info, i -> ModelAttributes.chat(i, providerName));
        lastModel = found;
        return found;
    }

    /** Configures a {@link Tracing}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureContent;
        private String providerName;
        private InstantSource clock;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
        }

        /**
         * Whether to record prompts, answers and tool names on spans ({@code gen_ai.input.messages},
         * {@code gen_ai.output.messages}, {@code gen_ai.tool.definitions}); default false. Turn on where the telemetry
         * store may hold what users write. Chat calls only: embeddings spans never carry their texts, for want of a
         * conventional attribute.
         */
        public Builder captureContent(boolean captureContent) {
            this.captureContent = captureContent;
            return this;
        }

        /**
         * The {@code gen_ai.provider.name} to report, such as {@code azure.ai.openai} for an OpenAI-compatible endpoint
         * on Azure; default null, meaning each model's {@link ModelInfo#provider()}.
         */
        public Builder providerName(String providerName) {
            this.providerName = providerName;
            return this;
        }

        /**
         * Where span timestamps and durations come from; default null, meaning the OpenTelemetry SDK's clock for
         * timestamps and {@link System#nanoTime()} for durations. Set it in tests to make timings exact.
         */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The tracing interceptor.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public Tracing build() {
            Preconditions.notNull(openTelemetry, "openTelemetry");
            Preconditions.check(providerName == null || !providerName.isBlank(),
                    "providerName must not be blank; leave it null to report each model's provider");
            return new Tracing(this);
        }
    }
}
