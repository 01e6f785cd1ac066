package dev.weft.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.retrieval.Metadata;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The shared mapper's documented settings, and {@link WeftJson#parse}. */
class WeftJsonTest {

    @Test
    void nullsAreLeftOutWhenWriting() {
        assertThat(WeftJson.mapper().writeValueAsString(new RequestContext("u", null, null, null, null)))
                .isEqualTo("{\"userId\":\"u\",\"attributes\":{}}");
    }

    @Test
    void unknownPropertiesAreIgnoredWhenReading() {
        assertThat(WeftJson.mapper().readValue("{\"role\":\"user\",\"text\":\"hi\",\"addedLater\":{\"x\":1}}", Message.class))
                .isEqualTo(new UserMessage("hi"));
    }

    @Test
    void invalidValuesAreRefusedWithTheValidationMessageAsCause() {
        assertThatThrownBy(() -> WeftJson.mapper().readValue("{\"messages\":[]}", ChatRequest.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("a chat request needs at least one message")
                .hasRootCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WeftJson.mapper().readValue("{\"a\":[1]}", Metadata.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("metadata value of 'a' has unsupported type");
        assertThatThrownBy(() -> WeftJson.mapper().readValue("{\"a\":123456789012345678901234567890}", Metadata.class))
                .as("integers beyond Long are refused, not truncated")
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("unsupported type java.math.BigInteger");
    }

    @Test
    void parseNamesWhatWasParsed() {
        assertThat(WeftJson.parse("{\"a\":[1,2]}", "the thing").get("a").size()).isEqualTo(2);
        assertThatThrownBy(() -> WeftJson.parse("{\"a\":", "parameters of tool 'x'"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("parameters of tool 'x' is not valid JSON: ")
                .hasCauseInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> WeftJson.parse(null, "the schema"))
                .isInstanceOf(InvalidInputException.class).hasMessage("the schema must not be null");
    }
}
