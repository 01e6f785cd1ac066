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

/** {@link Metadata} is written as a plain JSON object and read back with the same value types (Long stays Long, Double stays Double). */
class MetadataJsonRoundTripTest {

    static Stream<Arguments> metadata() {
        return Generated.cases(200, RetrievalValues::anyMetadata);
    }

    @ParameterizedTest
    @MethodSource("metadata")
    void metadata(Metadata metadata) {
        assertRoundTrips(metadata, Metadata.class);
    }

    @Test
    void isAPlainObject() {
        Metadata m = Metadata.of("year", 2024, "score", 2024.0, "lang", "en", "draft", false);
        String json = WeftJson.mapper().writeValueAsString(m);
        assertThat(json).isEqualTo("{\"draft\":false,\"lang\":\"en\",\"score\":2024.0,\"year\":2024}");
        Metadata back = WeftJson.mapper().readValue(json, Metadata.class);
        assertThat(back.get("year")).containsInstanceOf(Long.class);
        assertThat(back.get("score")).containsInstanceOf(Double.class);
    }

    @Test
    void emptyMetadataIsAnEmptyObject() {
        assertThat(WeftJson.mapper().writeValueAsString(Metadata.EMPTY)).isEqualTo("{}");
        assertThat(WeftJson.mapper().readValue("{}", Metadata.class)).isEqualTo(Metadata.EMPTY);
    }
}
