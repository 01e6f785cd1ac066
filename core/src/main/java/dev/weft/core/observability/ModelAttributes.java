package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.CHAT_TEMPLATE;
import static dev.weft.core.observability.GenAiConventions.ERROR_TYPE;
import static dev.weft.core.observability.GenAiConventions.MODEL_INFO_BASE_URL;
import static dev.weft.core.observability.GenAiConventions.MODEL_INFO_CHAT_TEMPLATE;
import static dev.weft.core.observability.GenAiConventions.MODEL_VERSION;
import static dev.weft.core.observability.GenAiConventions.OPERATION_CHAT;
import static dev.weft.core.observability.GenAiConventions.OPERATION_EMBEDDINGS;
import static dev.weft.core.observability.GenAiConventions.OPERATION_NAME;
import static dev.weft.core.observability.GenAiConventions.PROVIDER_NAME;
import static dev.weft.core.observability.GenAiConventions.REQUEST_MODEL;
import static dev.weft.core.observability.GenAiConventions.RESPONSE_MODEL;
import static dev.weft.core.observability.GenAiConventions.SERVER_ADDRESS;
import static dev.weft.core.observability.GenAiConventions.SERVER_PORT;
import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE;
import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE_INPUT;
import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE_OUTPUT;

import dev.weft.core.model.ModelInfo;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.net.URI;
import java.util.Locale;

/**
 * What {@link Tracing} says about one model in one operation ({@code chat} or {@code embeddings}), worked out once
 * per {@link ModelInfo} rather than per call: the span name, the span attributes that never change (operation,
 * provider, requested model, server, version, chat template), and the metric attribute sets of a call that succeeded.
 *
 * @param info the model these describe (compared by identity to find them again)
 * @param spanName {@code "{operation} {model id}"}
 * @param span attributes set on every span for this model
 * @param metrics the attributes every metric point for this model carries
 * @param succeeded for chat, {@link #metrics} with {@code gen_ai.response.model} equal to the requested model; for
 *     embeddings, whose responses do not name the model that answered, {@link #metrics} itself
 * @param inputTokens {@link #succeeded} with {@code gen_ai.token.type=input}
 * @param outputTokens {@link #succeeded} with {@code gen_ai.token.type=output}
 */
record ModelAttributes(ModelInfo info, String spanName, Attributes span, Attributes metrics, Attributes succeeded,
        Attributes inputTokens, Attributes outputTokens) {

    /** The attributes of chat calls to {@code info}; {@code providerName} overrides its provider when not null. */
    static ModelAttributes chat(ModelInfo info, String providerName) {
        return of(info, providerName, OPERATION_CHAT, true);
    }

    /**
     * The attributes of embeddings calls to {@code info}. An {@link dev.weft.core.model.EmbeddingResponse} does not say
     * which model answered, so no set carries {@code gen_ai.response.model}.
     */
    static ModelAttributes embeddings(ModelInfo info, String providerName) {
        return of(info, providerName, OPERATION_EMBEDDINGS, false);
    }

    private static ModelAttributes of(ModelInfo info, String providerName, String operation, boolean responseModelKnown) {
        AttributesBuilder metrics = Attributes.builder()
                .put(OPERATION_NAME, operation)
                .put(PROVIDER_NAME, providerName != null ? providerName : info.provider())
                .put(REQUEST_MODEL, info.id());
        server(info, metrics);
        Attributes metricSet = metrics.build();

        AttributesBuilder span = metricSet.toBuilder();
        if (!info.version().isEmpty()) {
            span.put(MODEL_VERSION, info.version());
        }
        String template = info.attributes().get(MODEL_INFO_CHAT_TEMPLATE);
        if (template != null) {
            span.put(CHAT_TEMPLATE, template);
        }
        Attributes succeeded = responseModelKnown ? metricSet.toBuilder().put(RESPONSE_MODEL, info.id()).build() : metricSet;
        return new ModelAttributes(info, operation + " " + info.id(), span.build(), metricSet, succeeded,
                succeeded.toBuilder().put(TOKEN_TYPE, TOKEN_TYPE_INPUT).build(),
                succeeded.toBuilder().put(TOKEN_TYPE, TOKEN_TYPE_OUTPUT).build());
    }

    /** {@code server.address} and {@code server.port} from the model's base URL, when it has a readable one. */
    private static void server(ModelInfo info, AttributesBuilder into) {
        String baseUrl = info.attributes().get(MODEL_INFO_BASE_URL);
        if (baseUrl == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (uri.getHost() == null) {
            return;
        }
        into.put(SERVER_ADDRESS, uri.getHost());
        int port = uri.getPort();
        if (port < 0 && uri.getScheme() != null) {
            port = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
                case "https" -> 443;
                case "http" -> 80;
                default -> -1;
            };
        }
        if (port >= 0) {
            into.put(SERVER_PORT, (long) port);
        }
    }

    /** The attributes of the duration of a call answered by {@code responseModel}. */
    Attributes succeeded(String responseModel) {
        return responseModel.equals(info.id()) ? succeeded : metrics.toBuilder().put(RESPONSE_MODEL, responseModel).build();
    }

    /** The attributes of the token counts of {@code type} of a call answered by {@code responseModel}. */
    Attributes tokens(String responseModel, boolean input) {
        if (responseModel.equals(info.id())) {
            return input ? inputTokens : outputTokens;
        }
        return metrics.toBuilder()
                .put(RESPONSE_MODEL, responseModel)
                .put(TOKEN_TYPE, input ? TOKEN_TYPE_INPUT : TOKEN_TYPE_OUTPUT)
                .build();
    }

    /** The attributes of the duration of a call that ended with {@code errorType}. */
    Attributes failed(String errorType) {
        return metrics.toBuilder().put(ERROR_TYPE, errorType).build();
    }
}
