package dev.weft.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Generated;
import dev.weft.core.testing.SpiValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ModelRef.parse(ref.toString()).equals(ref)} for references whose names hold {@code / : @}, spaces and
 * non-ASCII text, and whose parameter keys and values hold {@code & = % + ?}, spaces and non-ASCII text.
 */
class ModelRefRoundTripPropertyTest {

    static Stream<Arguments> refs() {
        return Generated.cases(300, SpiValues::modelRef);
    }

    @ParameterizedTest
    @MethodSource("refs")
    void parseOfToStringIsIdentity(ModelRef ref) {
        String text = ref.toString();
        ModelRef back = ModelRef.parse(text);
        assertThat(back).as("parsed from %s", text).isEqualTo(ref);
        assertThat(back.params().keySet()).as("parameter order").containsExactlyElementsOf(ref.params().keySet());
        assertThat(back.toString()).as("printed again").isEqualTo(text);
    }

    @Test
    void documentedExample() {
        ModelRef ref = ModelRef.parse("openai:gpt-4o-mini?baseUrl=http%3A%2F%2Flocalhost%3A8080%2Fv1");
        assertThat(ref.scheme()).isEqualTo("openai");
        assertThat(ref.name()).isEqualTo("gpt-4o-mini");
        assertThat(ref.param("baseUrl")).contains("http://localhost:8080/v1");
        assertThat(ref.param("missing")).isEmpty();
    }

    @Test
    void nameKeepsColonsSlashesAndAtSigns() {
        ModelRef ref = ModelRef.parse("ollama:library/llama3:8b@sha256:abc");
        assertThat(ref.scheme()).isEqualTo("ollama");
        assertThat(ref.name()).isEqualTo("library/llama3:8b@sha256:abc");
        assertThat(ref.params()).isEmpty();
    }

    @Test
    void plusIsLiteralAndEmptyValuesAreAllowed() {
        ModelRef ref = ModelRef.parse("x:y?a=1+1&b=&c=%2B%20");
        assertThat(ref.params()).containsExactly(Map.entry("a", "1+1"), Map.entry("b", ""), Map.entry("c", "+ "));
        assertThat(ModelRef.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void paramsAreAnImmutableCopyInOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("z", "1");
        params.put("a", "2");
        ModelRef ref = new ModelRef("x", "y", params);
        params.put("b", "3");
        assertThat(ref.params()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
        assertThat(ref).hasToString("x:y?z=1&a=2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ref.params().put("c", "4"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
