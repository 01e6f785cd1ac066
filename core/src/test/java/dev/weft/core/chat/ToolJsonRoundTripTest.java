package dev.weft.core.chat;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ToolCall} and {@link ToolSpec} (with generated JSON Schema trees) survive a JSON round trip. */
class ToolJsonRoundTripTest {

    static Stream<Arguments> toolCalls() {
        return Generated.cases(100, ChatValues::toolCall);
    }

    static Stream<Arguments> toolSpecs() {
        return Generated.cases(100, ChatValues::toolSpec);
    }

    @ParameterizedTest
    @MethodSource("toolCalls")
    void toolCall(ToolCall call) {
        assertRoundTrips(call, ToolCall.class);
    }

    @ParameterizedTest
    @MethodSource("toolSpecs")
    void toolSpec(ToolSpec spec) {
        assertRoundTrips(spec, ToolSpec.class);
    }
}
