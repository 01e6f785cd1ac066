package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ToolSpec}: names of 1–64 {@code [A-Za-z0-9_-]}, and parameters that are a JSON object. */
class ToolSpecValidationTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";

    @ParameterizedTest
    @ValueSource(strings = {"a", "get_weather", "Get-Weather-2", "_", "-",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"})
    void validNames(String name) {
        assertThat(ToolSpec.of(name, "d", SCHEMA).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"get weather", "get.weather", "wetter/heute", "météo", "a\n",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm"})
    void invalidNames(String name) {
        assertThatThrownBy(() -> ToolSpec.of(name, "d", SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tool name '" + name + "' must be 1-64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"object\"", "42", "true", "null"})
    void parametersMustBeAJsonObject(String schema) {
        assertThatThrownBy(() -> ToolSpec.of("t", "d", schema))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tool 't' parameters must be a JSON Schema object");
    }

    @Test
    void parametersThatAreNotJsonAreRefusedNamingTheTool() {
        assertThatThrownBy(() -> ToolSpec.of("t", "d", "{\"type\":"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameters of tool 't' is not valid JSON");
        assertThatThrownBy(() -> ToolSpec.of("t", "d", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameters of tool 't' must not be null");
        assertThatThrownBy(() -> new ToolSpec("t", "d", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void descriptionDefaultsToEmpty() {
        assertThat(ToolSpec.of("t", null, "{}").description()).isEmpty();
    }
}
