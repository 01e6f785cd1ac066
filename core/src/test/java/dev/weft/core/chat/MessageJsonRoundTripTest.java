package dev.weft.core.chat;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;
import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Message} subtype survives a JSON round trip, read as itself and read as {@code Message}. */
class MessageJsonRoundTripTest {

    static Stream<Arguments> systemMessages() {
        return Generated.cases(100, ChatValues::systemMessage);
    }

    static Stream<Arguments> userMessages() {
        return Generated.cases(100, ChatValues::userMessage);
    }

    static Stream<Arguments> assistantMessages() {
        return Generated.cases(100, ChatValues::assistantMessage);
    }

    static Stream<Arguments> toolResultMessages() {
        return Generated.cases(100, ChatValues::toolResultMessage);
    }

    static Stream<Arguments> messages() {
        return Generated.cases(200, ChatValues::message);
    }

    @ParameterizedTest
    @MethodSource("systemMessages")
    void systemMessage(SystemMessage m) {
        assertRoundTrips(m, SystemMessage.class);
    }

    @ParameterizedTest
    @MethodSource("userMessages")
    void userMessage(UserMessage m) {
        assertRoundTrips(m, UserMessage.class);
    }

    @ParameterizedTest
    @MethodSource("assistantMessages")
    void assistantMessage(AssistantMessage m) {
        assertRoundTrips(m, AssistantMessage.class);
    }

    @ParameterizedTest
    @MethodSource("toolResultMessages")
    void toolResultMessage(ToolResultMessage m) {
        assertRoundTrips(m, ToolResultMessage.class);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messagePolymorphically(Message m) {
        assertRoundTrips(m, Message.class);
    }

    @Test
    void theRoleNamesTheKind() {
        assertThat(WeftJson.mapper().readTree(WeftJson.mapper().writeValueAsString(Message.system("s"))).get("role").asString())
                .isEqualTo("system");
        assertThat(WeftJson.mapper().readValue("{\"role\":\"tool\",\"toolCallId\":\"c1\",\"toolName\":\"t\",\"content\":\"42\"}",
                Message.class)).isEqualTo(new ToolResultMessage("c1", "t", "42", false));
        assertThat(WeftJson.mapper().readValue("{\"role\":\"assistant\",\"text\":\"hi\"}", Message.class))
                .isEqualTo(AssistantMessage.of("hi"));
    }
}
