package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.CONVERSATION_ID;
import static dev.weft.core.observability.GenAiConventions.FEATURE;
import static dev.weft.core.observability.GenAiConventions.OUTPUT_TYPE;
import static dev.weft.core.observability.GenAiConventions.OUTPUT_TYPE_JSON;
import static dev.weft.core.observability.GenAiConventions.PROMPT_KEYS;
import static dev.weft.core.observability.GenAiConventions.REQUEST_MAX_TOKENS;
import static dev.weft.core.observability.GenAiConventions.REQUEST_SEED;
import static dev.weft.core.observability.GenAiConventions.REQUEST_STOP_SEQUENCES;
import static dev.weft.core.observability.GenAiConventions.REQUEST_STREAM;
import static dev.weft.core.observability.GenAiConventions.REQUEST_TEMPERATURE;
import static dev.weft.core.observability.GenAiConventions.REQUEST_TOP_K;
import static dev.weft.core.observability.GenAiConventions.REQUEST_TOP_P;
import static dev.weft.core.observability.GenAiConventions.TENANT_ID;
import static dev.weft.core.observability.GenAiConventions.USER_ID;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;
import java.util.Map;

/**
 * Writes what a request asks for onto its span before the span starts, so that samplers see it: sampling
 * parameters that were set, streaming, a JSON output type, who the request is for, and the prompt and experiment
 * that produced it. Fields left at the model's default are left out.
 */
final class RequestAttributes {
    private RequestAttributes() {}

    static void write(ChatRequest request, boolean stream, SpanBuilder span) {
        Sampling s = request.sampling();
        if (s != Sampling.DEFAULTS) {
            if (s.temperature() != null) {
                span.setAttribute(REQUEST_TEMPERATURE, s.temperature());
            }
            if (s.topP() != null) {
                span.setAttribute(REQUEST_TOP_P, s.topP());
            }
            if (s.topK() != null) {
                span.setAttribute(REQUEST_TOP_K, s.topK().doubleValue());
            }
            if (s.maxTokens() != null) {
                span.setAttribute(REQUEST_MAX_TOKENS, s.maxTokens().longValue());
            }
            if (s.seed() != null) {
                span.setAttribute(REQUEST_SEED, s.seed());
            }
            if (!s.stop().isEmpty()) {
                span.setAttribute(REQUEST_STOP_SEQUENCES, s.stop());
            }
        }
        if (stream) {
            span.setAttribute(REQUEST_STREAM, true);
        }
        if (!(request.responseFormat() instanceof ResponseFormat.Text)) {
            span.setAttribute(OUTPUT_TYPE, OUTPUT_TYPE_JSON);
        }
        RequestContext c = request.context();
        if (c != RequestContext.EMPTY) {
            setIfPresent(span, USER_ID, c.userId());
            setIfPresent(span, TENANT_ID, c.tenantId());
            setIfPresent(span, FEATURE, c.feature());
            setIfPresent(span, CONVERSATION_ID, c.conversationId());
            Map<String, String> attributes = c.attributes();
            if (!attributes.isEmpty()) {
                for (AttributeKey<String> key : PROMPT_KEYS) {
                    setIfPresent(span, key, attributes.get(key.getKey()));
                }
            }
        }
    }

    private static void setIfPresent(SpanBuilder span, AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
