package dev.weft.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;

/** The round-trip property: written with {@link WeftJson#mapper()} and read back as {@code type}, a value equals itself. */
public final class JsonRoundTrip {
    private JsonRoundTrip() {}

    /** Asserts the round trip and returns the JSON written. */
    public static <T> String assertRoundTrips(T value, Class<? super T> type) {
        String json = WeftJson.mapper().writeValueAsString(value);
        Object back = WeftJson.mapper().readValue(json, type);
        assertThat(back).as("%s read back from %s", type.getSimpleName(), json).isEqualTo(value);
        return json;
    }
}
