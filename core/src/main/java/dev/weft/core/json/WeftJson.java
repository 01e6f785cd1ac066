package dev.weft.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.core.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of Weft's public records (messages, requests, responses, model info, store records): one
 * shared, immutable, thread-safe Jackson {@link JsonMapper}.
 *
 * <pre>{@code
 * String json = WeftJson.mapper().writeValueAsString(request);
 * ChatRequest back = WeftJson.mapper().readValue(json, ChatRequest.class);
 * }</pre>
 *
 * <p>Nulls are left out when writing; unknown properties are ignored when reading, so that newer writers
 * stay readable by older readers. Durations are written as ISO-8601 strings ({@code PT1.5S}).
 */
public final class WeftJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private WeftJson() {}

    /** The shared mapper. Derive a variant with {@code mapper().rebuild()…build()} rather than reconfiguring it. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses {@code json} into a tree.
     *
     * @param what names the value in the error message, such as {@code "parameters of tool 'search'"}
     * @throws InvalidInputException if it is not valid JSON
     */
    public static JsonNode parse(String json, String what) {
        if (json == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
