package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.ModelInfo;
import io.opentelemetry.api.common.AttributeKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names {@link Tracing} writes: the OpenTelemetry GenAI semantic conventions (attributes, metric names, units and
 * bucket advice, as published in the {@code open-telemetry/semantic-conventions-genai} repository), a few general
 * conventions ({@code error.type}, {@code server.*}, {@code user.id}), and Weft's own additions under {@code weft.*}.
 * Keys are built once here so that no call builds one.
 */
final class GenAiConventions {
    private GenAiConventions() {}

    // Attributes of the GenAI conventions.
    static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
    static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Double> REQUEST_TOP_K = doubleKey("gen_ai.request.top_k");
    static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
    static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
    static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = stringArrayKey("gen_ai.request.stop_sequences");
    static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
    static final AttributeKey<String> OUTPUT_TYPE = stringKey("gen_ai.output.type");
    static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");
    static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
    static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
    static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = doubleKey("gen_ai.response.time_to_first_chunk");
    static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
    static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
    static final AttributeKey<String> TOOL_DEFINITIONS = stringKey("gen_ai.tool.definitions");
    static final AttributeKey<Long> EMBEDDINGS_DIMENSION_COUNT = longKey("gen_ai.embeddings.dimension.count");

    // General conventions.
    static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
    static final AttributeKey<String> USER_ID = stringKey("user.id");

    // Weft's own.
    static final AttributeKey<String> TENANT_ID = stringKey("weft.tenant.id");
    static final AttributeKey<String> FEATURE = stringKey("weft.feature");
    static final AttributeKey<String> MODEL_VERSION = stringKey("weft.model.version");
    static final AttributeKey<String> CHAT_TEMPLATE = stringKey("weft.model.chat_template");
    static final AttributeKey<Double> TIME_PER_OUTPUT_TOKEN = doubleKey("weft.response.time_per_output_token");
    static final AttributeKey<String> CACHE_HIT = stringKey("weft.cache.hit");
    static final AttributeKey<Double> CACHE_SIMILARITY = doubleKey("weft.cache.similarity");
    /** How many texts one embeddings call embeds: the conventions count tokens, not inputs. */
    static final AttributeKey<Long> EMBEDDINGS_INPUT_COUNT = longKey("weft.embeddings.input.count");

    /** The prompt and experiment keys of {@link RequestContext#attributes()}, copied to spans under the same names. */
    static final List<AttributeKey<String>> PROMPT_KEYS = List.of(
            stringKey(RequestContext.PROMPT_ID),
            stringKey(RequestContext.PROMPT_VERSION),
            stringKey(RequestContext.PROMPT_HASH),
            stringKey(RequestContext.EXPERIMENT_ID),
            stringKey(RequestContext.EXPERIMENT_VARIANT));

    /** The {@link dev.weft.core.model.ModelInfo} attribute naming a local model's chat template. */
    static final String MODEL_INFO_CHAT_TEMPLATE = ModelInfo.CHAT_TEMPLATE;
    /** The {@link dev.weft.core.model.ModelInfo} attribute holding a remote model's base URL. */
    static final String MODEL_INFO_BASE_URL = ModelInfo.BASE_URL;

    // Values.
    static final String OPERATION_CHAT = "chat";
    static final String OPERATION_EMBEDDINGS = "embeddings";
    static final String OUTPUT_TYPE_JSON = "json";
    static final String TOKEN_TYPE_INPUT = "input";
    static final String TOKEN_TYPE_OUTPUT = "output";
    /** The {@code error.type} of a stream its reader closed before it ended. */
    static final String ERROR_TYPE_CANCELLED = "cancelled";

    // Metrics.
    static final String METRIC_OPERATION_DURATION = "gen_ai.client.operation.duration";
    static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String METRIC_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    static final String METRIC_TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";
    static final String METRIC_TIME_PER_OUTPUT_TOKEN = "weft.client.operation.time_per_output_token";
    static final String UNIT_SECONDS = "s";
    static final String UNIT_TOKENS = "{token}";
    static final List<Double> SECONDS_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    /** Finer than {@link #SECONDS_BUCKETS} at the low end: decode steps take milliseconds. */
    static final List<Double> PER_TOKEN_SECONDS_BUCKETS = List.of(
            0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);
    static final List<Long> TOKEN_BUCKETS = List.of(
            1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L, 67108864L);

    private static final Map<FinishReason, String> FINISH_REASONS = new EnumMap<>(Map.of(
            FinishReason.STOP, "stop",
            FinishReason.LENGTH, "length",
            FinishReason.TOOL_CALLS, "tool_call",
            FinishReason.CONTENT_FILTER, "content_filter",
            FinishReason.CANCELLED, "cancelled",
            FinishReason.OTHER, "other"));
    private static final Map<FinishReason, List<String>> FINISH_REASON_LISTS = new EnumMap<>(FinishReason.class);

    static {
        FINISH_REASONS.forEach((reason, name) -> FINISH_REASON_LISTS.put(reason, List.of(name)));
    }

    /** The conventions' name for {@code reason} ({@code stop}, {@code length}, {@code tool_call}, …). */
    static String finishReason(FinishReason reason) {
        return FINISH_REASONS.get(reason);
    }

    /** {@link #finishReason} as the one-element list that {@code gen_ai.response.finish_reasons} holds. */
    static List<String> finishReasons(FinishReason reason) {
        return FINISH_REASON_LISTS.get(reason);
    }
}
