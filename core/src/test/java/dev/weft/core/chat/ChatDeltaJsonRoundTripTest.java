package dev.weft.core.chat;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both {@link ChatDelta} variants survive a JSON round trip when read as their own type (and, once fixed, as {@code ChatDelta}). */
class ChatDeltaJsonRoundTripTest {

    static Stream<Arguments> textDeltas() {
        return Generated.cases(100, ChatValues::textDelta);
    }

    static Stream<Arguments> toolCallChunks() {
        return Generated.cases(100, ChatValues::toolCallChunk);
    }

    @ParameterizedTest
    @MethodSource("textDeltas")
    void text(ChatDelta.Text delta) {
        assertRoundTrips(delta, ChatDelta.Text.class);
    }

    static Stream<Arguments> deltas() {
        return Generated.cases(100, ChatValues::delta);
    }

    @ParameterizedTest
    @MethodSource("deltas")
    void deltaPolymorphically(ChatDelta delta) {
        assertRoundTrips(delta, ChatDelta.class);
    }

    @ParameterizedTest
    @MethodSource("toolCallChunks")
    void toolCallChunk(ChatDelta.ToolCallChunk delta) {
        assertRoundTrips(delta, ChatDelta.ToolCallChunk.class);
    }
}
