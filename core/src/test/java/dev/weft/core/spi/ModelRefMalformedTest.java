package dev.weft.core.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of malformed reference gives {@link InvalidModelReferenceException} with a message naming the problem. */
class ModelRefMalformedTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void emptyReference(String reference) {
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is empty")
                .hasMessageContaining("scheme:name");
    }

    @Test
    void noScheme() {
        assertThatThrownBy(() -> ModelRef.parse("all-minilm-l6-v2"))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("'all-minilm-l6-v2'")
                .hasMessageContaining("has no scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Onnx:x", "1x:y", ":x", " onnx:x", "on_nx:x", "on nx:x"})
    void badScheme(String reference) {
        String scheme = reference.substring(0, reference.indexOf(':'));
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("scheme '" + scheme + "' is invalid")
                .hasMessageContaining("lower-case letter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx:", "onnx:?a=b", "onnx:  ", "onnx: ?a=b"})
    void emptyName(String reference) {
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("has no model name")
                .hasMessageContaining("onnx:<name>");
    }

    @Test
    void trailingQuestionMark() {
        assertThatThrownBy(() -> ModelRef.parse("onnx:model?"))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("ends with '?' but has no parameters");
    }

    static Stream<Arguments> malformedParameters() {
        return Stream.of(
                Arguments.of("onnx:m?a", "'a'"),
                Arguments.of("onnx:m?=v", "'=v'"),
                Arguments.of("onnx:m?a=1&", "''"),
                Arguments.of("onnx:m?a=1&&b=2", "''"),
                Arguments.of("onnx:m?a=1&b", "'b'"));
    }

    @ParameterizedTest
    @MethodSource("malformedParameters")
    void parameterWithoutKeyOrEquals(String reference, String pair) {
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("malformed parameter " + pair)
                .hasMessageContaining("key=value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx:m?a=1&a=2", "onnx:m?a=1&%61=2"})
    void duplicateKeys(String reference) {
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("repeats parameter 'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx:m?a=%zz", "onnx:m?a=%", "onnx:m?a=%4", "onnx:m?%zz=1"})
    void badPercentEscape(String reference) {
        assertThatThrownBy(() -> ModelRef.parse(reference))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("malformed percent-escape");
    }

    @Test
    void constructorRejectsWhatParseWouldNeverProduce() {
        assertThatThrownBy(() -> new ModelRef("onnx", "a?b", Map.of()))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("must not contain '?'");
        assertThatThrownBy(() -> new ModelRef(null, "x", Map.of()))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("scheme 'null' is invalid");
        assertThatThrownBy(() -> new ModelRef("onnx", "x", Map.of("", "v")))
                .isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("non-empty keys");
    }
}
