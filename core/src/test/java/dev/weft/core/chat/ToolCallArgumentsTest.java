package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import org.junit.jupiter.api.Test;

/** {@link ToolCall}: arguments are kept as written, parsed on demand, and a model's broken JSON is reported with an excerpt. */
class ToolCallArgumentsTest {

    @Test
    void argumentsParseToJson() {
        ToolCall call = new ToolCall("c1", "get_weather", "{\"city\":\"Paris\",\"days\":3}");
        assertThat(call.argumentsJson().get("city").asString()).isEqualTo("Paris");
        assertThat(call.argumentsJson().get("days").asInt()).isEqualTo(3);
    }

    @Test
    void missingArgumentsBecomeAnEmptyObject() {
        assertThat(new ToolCall("c1", "t", null).arguments()).isEqualTo("{}");
        assertThat(new ToolCall("c1", "t", "  \n").arguments()).isEqualTo("{}");
        assertThat(new ToolCall("c1", "t", null).argumentsJson().isObject()).isTrue();
    }

    @Test
    void invalidJsonIsAnInvalidModelResponseWithTheExcerpt() {
        ToolCall call = new ToolCall("call_7", "search", "{\"q\": \"unterminated");
        InvalidModelResponseException e = catchThrowableOfType(InvalidModelResponseException.class, call::argumentsJson);
        assertThat(e).hasMessageContaining("Tool call 'search' (call_7) has arguments that are not valid JSON")
                .hasMessageContaining("(payload: {\"q\": \"unterminated)");
        assertThat(e.payloadExcerpt()).isEqualTo("{\"q\": \"unterminated");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void longPayloadsAreCutInTheExcerpt() {
        String payload = "{" + "x".repeat(2000);
        InvalidModelResponseException e = catchThrowableOfType(InvalidModelResponseException.class,
                () -> new ToolCall("c", "t", payload).argumentsJson());
        assertThat(e.payloadExcerpt()).hasSize(InvalidModelResponseException.MAX_EXCERPT + 1)
                .startsWith("{xxx").endsWith("…");
        assertThat(e.getMessage()).hasSizeLessThan(700);
    }

    @Test
    void idAndNameMustNotBeBlank() {
        assertThatThrownBy(() -> new ToolCall(" ", "t", "{}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("id must not be null or blank");
        assertThatThrownBy(() -> new ToolCall("c", null, "{}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name must not be null or blank (was null)");
    }

    @Test
    void resultMessageEchoesTheCall() {
        ToolCall call = new ToolCall("c9", "lookup", "{}");
        assertThat(ToolResultMessage.of(call, "42")).isEqualTo(new ToolResultMessage("c9", "lookup", "42", false));
    }
}
