package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.EMBEDDINGS_DIMENSION_COUNT;
import static dev.weft.core.observability.GenAiConventions.EMBEDDINGS_INPUT_COUNT;
import static dev.weft.core.observability.GenAiConventions.ERROR_TYPE;
import static dev.weft.core.observability.GenAiConventions.ERROR_TYPE_CANCELLED;
import static dev.weft.core.observability.GenAiConventions.INPUT_MESSAGES;
import static dev.weft.core.observability.GenAiConventions.OUTPUT_MESSAGES;
import static dev.weft.core.observability.GenAiConventions.RESPONSE_FINISH_REASONS;
import static dev.weft.core.observability.GenAiConventions.RESPONSE_MODEL;
import static dev.weft.core.observability.GenAiConventions.RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.weft.core.observability.GenAiConventions.TIME_PER_OUTPUT_TOKEN;
import static dev.weft.core.observability.GenAiConventions.TOOL_DEFINITIONS;
import static dev.weft.core.observability.GenAiConventions.USAGE_INPUT_TOKENS;
import static dev.weft.core.observability.GenAiConventions.USAGE_OUTPUT_TOKENS;
import static dev.weft.core.observability.Instrumentation.seconds;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.TokenUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One traced model call (a chat, a stream or an embeddings call) from start to end: its span, the context that makes
 * the span current, and its timings. It ends exactly once, whichever of {@link #succeeded}, {@link #failed} or
 * {@link #cancelled} comes first; the others are then ignored. {@link #chunk()} is called by the stream's reader only; the ending methods may come from any thread.
 */
final class TracedCall {
    private static final Logger LOG = LoggerFactory.getLogger(TracedCall.class);

    private final Instrumentation instrumentation;
    private final ModelAttributes model;
    private final Span span;
    private final Context context;
    private final long start;
    private final boolean stream;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long firstChunk = -1;
    private long previousChunk;

    private TracedCall(Instrumentation instrumentation, ModelAttributes model, Span span, Context context, long start,
            boolean stream) {
        this.instrumentation = instrumentation;
        this.model = model;
        this.span = span;
        this.context = context;
        this.start = start;
        this.stream = stream;
    }

    /** Starts the span of {@code request}, a child of the current context. */
    static TracedCall start(Instrumentation instrumentation, ModelAttributes model, ChatRequest request, boolean stream) {
        long start = instrumentation.now();
        SpanBuilder builder = spanBuilder(instrumentation, model, start);
        RequestAttributes.write(request, stream, builder);
        Span span = builder.startSpan();
        if (instrumentation.captureContent() && span.isRecording()) {
            setContent(span, INPUT_MESSAGES, () -> MessageContent.input(request.messages()));
            if (!request.tools().isEmpty()) {
                setContent(span, TOOL_DEFINITIONS, () -> MessageContent.toolDefinitions(request.tools()));
            }
        }
        return new TracedCall(instrumentation, model, span, Context.current().with(span), start, stream);
    }

    /**
     * Starts the span of an embeddings call of {@code texts} to a model whose vectors have {@code dimension} components,
     * a child of the current context. {@code texts} may be null: the model is left to refuse it.
     */
    static TracedCall startEmbeddings(Instrumentation instrumentation, ModelAttributes model, List<String> texts,
            int dimension) {
        long start = instrumentation.now();
        SpanBuilder builder = spanBuilder(instrumentation, model, start)
                .setAttribute(EMBEDDINGS_DIMENSION_COUNT, (long) dimension);
        if (texts != null) {
            builder.setAttribute(EMBEDDINGS_INPUT_COUNT, (long) texts.size());
        }
        Span span = builder.startSpan();
        return new TracedCall(instrumentation, model, span, Context.current().with(span), start, false);
    }

    /** A client span for {@code model} starting at {@code start}, with the attributes every call to it carries. */
    private static SpanBuilder spanBuilder(Instrumentation instrumentation, ModelAttributes model, long start) {
        SpanBuilder builder = instrumentation.tracer().spanBuilder(model.spanName())
                .setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(model.span());
        if (instrumentation.setsTimestamps()) {
            builder.setStartTimestamp(start, TimeUnit.NANOSECONDS);
        }
        return builder;
    }

    /** The context in which the call's own work runs, so that nested spans become children of this one. */
    Context context() {
        return context;
    }

    /** A stream delivered a chunk. Records the time to the first chunk, then the time since the previous one. */
    void chunk() {
        long now = instrumentation.now();
        if (firstChunk < 0) {
            firstChunk = now;
            instrumentation.metrics().timeToFirstChunk.record(seconds(now - start), model.metrics());
        } else {
            instrumentation.metrics().timePerOutputChunk.record(seconds(now - previousChunk), model.metrics());
        }
        previousChunk = now;
    }

    void succeeded(ChatResponse response) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long end = instrumentation.now();
        String responseModel = response.model().id();
        TokenUsage usage = response.usage();
        boolean usageKnown = !usage.equals(TokenUsage.ZERO);
        long first = firstChunk;
        double timePerOutputToken = stream && first >= 0 && usage.outputTokens() >= 2
                ? seconds(end - first) / (usage.outputTokens() - 1)
                : -1;

        ClientMetrics metrics = instrumentation.metrics();
        metrics.operationDuration.record(seconds(end - start), model.succeeded(responseModel), context);
        if (usageKnown) {
            metrics.tokenUsage.record(usage.inputTokens(), model.tokens(responseModel, true), context);
            metrics.tokenUsage.record(usage.outputTokens(), model.tokens(responseModel, false), context);
        }
        if (timePerOutputToken >= 0) {
            metrics.timePerOutputToken.record(timePerOutputToken, model.metrics(), context);
        }

        if (span.isRecording()) {
            span.setAttribute(RESPONSE_MODEL, responseModel);
            if (response.id() != null) {
                span.setAttribute(GenAiConventions.RESPONSE_ID, response.id());
            }
            if (response.cacheHit() != null) {
                span.setAttribute(GenAiConventions.CACHE_HIT, response.cacheHit().kind().name().toLowerCase(Locale.ROOT));
                span.setAttribute(GenAiConventions.CACHE_SIMILARITY, response.cacheHit().similarity());
            }
            span.setAttribute(RESPONSE_FINISH_REASONS, GenAiConventions.finishReasons(response.finishReason()));
            if (usageKnown) {
                span.setAttribute(USAGE_INPUT_TOKENS, usage.inputTokens());
                span.setAttribute(USAGE_OUTPUT_TOKENS, usage.outputTokens());
            }
            timeToFirstChunk();
            if (timePerOutputToken >= 0) {
                span.setAttribute(TIME_PER_OUTPUT_TOKEN, timePerOutputToken);
            }
            if (instrumentation.captureContent()) {
                setContent(span, OUTPUT_MESSAGES, () -> MessageContent.output(response));
            }
        }
        end(end);
    }

    /**
     * An embeddings call returned: records its duration and, when the response reports usage, its input tokens. There
     * is no output token count and no {@code gen_ai.response.model}: an embedding response names neither.
     */
    void succeeded(EmbeddingResponse response) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long end = instrumentation.now();
        TokenUsage usage = response.usage();
        boolean usageKnown = !usage.equals(TokenUsage.ZERO);
        ClientMetrics metrics = instrumentation.metrics();
        metrics.operationDuration.record(seconds(end - start), model.succeeded(), context);
        if (usageKnown) {
            metrics.tokenUsage.record(usage.inputTokens(), model.inputTokens(), context);
            if (span.isRecording()) {
                span.setAttribute(USAGE_INPUT_TOKENS, usage.inputTokens());
            }
        }
        end(end);
    }

    void failed(Throwable error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long end = instrumentation.now();
        String errorType = errorType(error);
        instrumentation.metrics().operationDuration.record(seconds(end - start), model.failed(errorType), context);
        if (span.isRecording()) {
            span.setAttribute(ERROR_TYPE, errorType);
            timeToFirstChunk();
            if (error.getMessage() != null) {
                span.setStatus(StatusCode.ERROR, error.getMessage());
            } else {
                span.setStatus(StatusCode.ERROR);
            }
            span.recordException(error);
        }
        end(end);
    }

    /** A stream was closed before it ended: not an error of the model's, so the status stays unset. */
    void cancelled() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long end = instrumentation.now();
        instrumentation.metrics().operationDuration.record(seconds(end - start), model.failed(ERROR_TYPE_CANCELLED), context);
        if (span.isRecording()) {
            span.setAttribute(ERROR_TYPE, ERROR_TYPE_CANCELLED);
            timeToFirstChunk();
        }
        end(end);
    }

    /** The exception's canonical class name, as the conventions ask and as the SDK's {@code exception.type} has it. */
    private static String errorType(Throwable error) {
        String name = error.getClass().getCanonicalName();
        return name != null ? name : error.getClass().getName();
    }

    /** Sets {@code gen_ai.response.time_to_first_chunk} when a chunk arrived. */
    private void timeToFirstChunk() {
        long first = firstChunk;
        if (first >= 0) {
            span.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, seconds(first - start));
        }
    }

    private void end(long end) {
        if (instrumentation.setsTimestamps()) {
            span.end(end, TimeUnit.NANOSECONDS);
        } else {
            span.end();
        }
    }

    /** Content is a courtesy: a failure to render it never fails the call. */
    private static void setContent(Span span, AttributeKey<String> key, Supplier<String> json) {
        try {
            span.setAttribute(key, json.get());
        } catch (RuntimeException e) {
            LOG.debug("Could not record {} on the span", key.getKey(), e);
        }
    }
}
