package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE;
import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE_INPUT;
import static dev.weft.core.observability.GenAiConventions.TOKEN_TYPE_OUTPUT;
import static dev.weft.core.observability.MeterConventions.CACHE_NAME;
import static dev.weft.core.observability.MeterConventions.CACHE_RESULT;
import static dev.weft.core.observability.MeterConventions.CACHE_TYPE;

import dev.weft.core.model.TokenUsage;
import io.opentelemetry.api.common.Attributes;

/**
 * One cache as {@link CacheMeters} observes it: reads its figures once per collection and reports them with attribute
 * sets built once, at registration.
 */
sealed interface ObservedCache permits ObservedExactCache, ObservedSemanticCache {

    /** The cache's type, {@code exact} or {@code semantic}. */
    String type();

    /** The name the application gave it. */
    String name();

    /** Reads the cache's figures and records them into {@code into}. */
    void observe(CacheInstruments into);

    /** The attributes that say which cache: {@code weft.cache.type} and {@code weft.cache.name}. */
    static Attributes of(String type, String name) {
        return Attributes.of(CACHE_TYPE, type, CACHE_NAME, name);
    }

    /** {@code cache} with {@code weft.cache.result} set to {@code result}. */
    static Attributes result(Attributes cache, String result) {
        return cache.toBuilder().put(CACHE_RESULT, result).build();
    }

    /** {@code cache} with {@code gen_ai.token.type} input or output. */
    static Attributes tokens(Attributes cache, boolean input) {
        return cache.toBuilder().put(TOKEN_TYPE, input ? TOKEN_TYPE_INPUT : TOKEN_TYPE_OUTPUT).build();
    }

    /** Records {@code saved} as two points, input and output tokens. */
    static void recordSaved(CacheInstruments into, TokenUsage saved, Attributes input, Attributes output) {
        into.savedTokens().record(saved.inputTokens(), input);
        into.savedTokens().record(saved.outputTokens(), output);
    }
}
