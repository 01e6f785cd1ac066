package dev.weft.core.chat;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;
import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ChatResponse} and its parts ({@link Timings}, {@link FinishReason}) survive a JSON round trip. */
class ChatResponseJsonRoundTripTest {

    static Stream<Arguments> responses() {
        return Generated.cases(150, ChatValues::chatResponse);
    }

    static Stream<Arguments> timings() {
        return Generated.cases(100, ChatValues::timings);
    }

    @ParameterizedTest
    @MethodSource("responses")
    void chatResponse(ChatResponse response) {
        assertRoundTrips(response, ChatResponse.class);
    }

    @ParameterizedTest
    @MethodSource("timings")
    void timings(Timings timings) {
        assertRoundTrips(timings, Timings.class);
    }

    @ParameterizedTest
    @EnumSource(FinishReason.class)
    void finishReason(FinishReason reason) {
        assertRoundTrips(reason, FinishReason.class);
    }

    @Test
    void durationsAreWrittenAsIsoStrings() {
        String json = WeftJson.mapper().writeValueAsString(new Timings(Duration.ofMillis(1500), Duration.ofSeconds(2)));
        assertThat(json).contains("\"PT1.5S\"").contains("\"PT2S\"");
    }
}
