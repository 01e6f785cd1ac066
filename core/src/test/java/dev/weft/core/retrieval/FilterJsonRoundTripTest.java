package dev.weft.core.retrieval;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;
import dev.weft.testing.Generated;
import dev.weft.core.testing.RetrievalValues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Filter} variant, nested up to depth 3 with values of every type and infinite range bounds, survives a JSON round trip. */
class FilterJsonRoundTripTest {

    static Stream<Arguments> filters() {
        return Generated.cases(300, r -> RetrievalValues.anyFilter(r, 3));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void filter(Filter filter) {
        assertRoundTrips(filter, Filter.class);
    }

    @Test
    void theOperatorNamesTheKind() {
        Filter f = Filter.and(Filter.eq("lang", "en"), Filter.not(Filter.in("year", 2023, 2024)), Filter.gte("score", 0.5));
        String json = WeftJson.mapper().writeValueAsString(f);
        assertThat(json).startsWith("{\"op\":\"and\"").contains("\"op\":\"not\"", "\"op\":\"in\"", "\"op\":\"range\"", "\"op\":\"eq\"");
        assertThat(WeftJson.mapper().readValue(json, Filter.class)).isEqualTo(f);
    }
}
