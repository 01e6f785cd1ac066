package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.Pricing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON price table format: what it reads, from where, and how each kind of mistake is reported. */
class PriceTableJsonTest {

    @Test
    void readsNumbersAndDecimalStringsExactlyWithTheTablesDefaultCurrency() {
        PriceTable table = PriceTable.parse("""
                {
                  "currency": "USD",
                  "models": {
                    "gpt-4o-mini": { "inputPerMillion": 0.15, "outputPerMillion": 0.60 },
                    "gpt-4o": { "inputPerMillion": "2.50", "outputPerMillion": "10.00" },
                    "mistral-large": { "inputPerMillion": 2, "outputPerMillion": 6, "currency": "EUR" }
                  }
                }""");

        assertThat(table.strict()).isFalse();
        assertThat(table.prices()).containsOnlyKeys("gpt-4o-mini", "gpt-4o", "mistral-large");
        assertPrice(table.price("gpt-4o-mini").orElseThrow(), "0.15", "0.60", "USD");
        assertPrice(table.price("gpt-4o").orElseThrow(), "2.50", "10.00", "USD");
        assertPrice(table.price("mistral-large").orElseThrow(), "2", "6", "EUR");
        assertThat(table.price("llama")).isEmpty();
    }

    @Test
    void aPriceOfManyDigitsIsNotRoundedThroughADouble() {
        PriceTable table = PriceTable.parse("""
                {"currency": "USD", "models": {"m": {"inputPerMillion": 0.1234567890123456789, "outputPerMillion": "0.3"}}}""");
        assertThat(table.price("m").orElseThrow().inputPerMillion()).isEqualTo(new BigDecimal("0.1234567890123456789"));
    }

    @Test
    void readsStrictness() {
        PriceTable table = PriceTable.parse("""
                {"strict": true, "models": {"m": {"inputPerMillion": 1, "outputPerMillion": 2, "currency": "GBP"}}}""");
        assertThat(table.strict()).isTrue();
        assertPrice(table.price("m").orElseThrow(), "1", "2", "GBP");
    }

    @Test
    void loadsFromAFileAStreamAndTheClassPath(@TempDir Path dir) throws IOException {
        String json = """
                {"currency": "USD", "models": {"m": {"inputPerMillion": 1, "outputPerMillion": 2}}}""";
        Path file = dir.resolve("prices.json");
        Files.writeString(file, json);

        assertThat(PriceTable.load(file).prices()).containsOnlyKeys("m");
        assertThat(PriceTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "upload").prices())
                .containsOnlyKeys("m");
        assertThat(PriceTable.loadResource("dev/weft/core/cost/prices.json").prices())
                .containsOnlyKeys("gpt-4o-mini", "gpt-4o", "mistral-large");
        assertThat(PriceTable.loadResource("/dev/weft/core/cost/prices.json").prices()).hasSize(3);
    }

    @Test
    void errorsNameTheFileTheyCameFrom(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"models\": {\n    \"m\": {\"inputPerMillion\": -1, \"outputPerMillion\": 2}\n  }\n}");
        assertThatThrownBy(() -> PriceTable.load(file))
                .isInstanceOfSatisfying(PriceTableFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("/models/m/inputPerMillion");
                })
                .hasMessageStartingWith(file + ", line 3, column ");
    }

    @Test
    void aMissingFileOrResourceIsAnInvalidInputNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> PriceTable.load(missing)).isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.json");
        assertThatThrownBy(() -> PriceTable.loadResource("no/such/prices.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no/such/prices.json");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.argumentSet("not JSON", """
                        {
                          "currency": "USD",
                          "models": {
                            "gpt-4o": { "inputPerMillion": 2.5 "outputPerMillion": 10 }
                          }
                        }""", 4, "", "not valid JSON"),
                Arguments.argumentSet("misspelt field", """
                        {
                          "currency": "USD",
                          "models": {
                            "gpt-4o": { "inputPerMillion": 2.5, "ouputPerMillion": 10 }
                          }
                        }""", 4, "/models/gpt-4o/ouputPerMillion", "unknown field \"ouputPerMillion\""),
                Arguments.argumentSet("missing output price", """
                        {
                          "currency": "USD",
                          "models": {
                            "a": { "inputPerMillion": 1, "outputPerMillion": 1 },
                            "gpt-4o": { "inputPerMillion": 2.5 }
                          }
                        }""", 5, "/models/gpt-4o", "needs both \"inputPerMillion\" and \"outputPerMillion\""),
                Arguments.argumentSet("negative price", """
                        {
                          "currency": "USD",
                          "models": {
                            "gpt-4o": {
                              "inputPerMillion": -2.5,
                              "outputPerMillion": 10
                            }
                          }
                        }""", 5, "/models/gpt-4o/inputPerMillion", "must be >= 0, was -2.5"),
                Arguments.argumentSet("boolean price", """
                        {"currency": "USD",
                         "models": {"gpt-4o": {"inputPerMillion": true, "outputPerMillion": 10}}}""",
                        2, "/models/gpt-4o/inputPerMillion", "must be a number or a decimal string, not a boolean"),
                Arguments.argumentSet("words for a price", """
                        {"currency": "USD",
                         "models": {"gpt-4o": {"inputPerMillion": "cheap", "outputPerMillion": 10}}}""",
                        2, "/models/gpt-4o/inputPerMillion", "\"cheap\" is not a decimal number"),
                Arguments.argumentSet("model priced twice", """
                        {"currency": "USD", "models": {
                          "gpt-4o": {"inputPerMillion": 1, "outputPerMillion": 2},
                          "gpt-4o": {"inputPerMillion": 3, "outputPerMillion": 4}}}""",
                        3, "/models/gpt-4o", "priced twice"),
                Arguments.argumentSet("no currency anywhere", """
                        {"models": {
                          "gpt-4o": {"inputPerMillion": 1, "outputPerMillion": 2}}}""",
                        2, "/models/gpt-4o", "has no currency"),
                Arguments.argumentSet("blank currency", """
                        {"currency": " ", "models": {}}""", 1, "/currency", "ISO 4217"),
                Arguments.argumentSet("no models", """
                        {"currency": "USD"}""", 1, "", "no \"models\" object"),
                Arguments.argumentSet("models not an object", """
                        {"currency": "USD", "models": [1, 2]}""", 1, "/models", "\"models\" must be an object"),
                Arguments.argumentSet("a price not an object", """
                        {"currency": "USD", "models": {"m": 0.15}}""", 1, "/models/m", "must be an object"),
                Arguments.argumentSet("unknown top-level field", """
                        {"currency": "USD",
                         "model": {}}""", 2, "/model", "unknown field \"model\""),
                Arguments.argumentSet("strict not a boolean", """
                        {"strict": "yes", "models": {}}""", 1, "/strict", "\"strict\" must be true or false"),
                Arguments.argumentSet("an array", "[]", 1, "", "must be a JSON object"),
                Arguments.argumentSet("empty", "", 1, "", "must be a JSON object"),
                Arguments.argumentSet("two documents", """
                        {"currency": "USD", "models": {}}
                        {}""", 2, "", "unexpected content after"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMistakeIsReportedWithItsLineAndField(String json, int line, String field, String problem) {
        assertThatThrownBy(() -> PriceTable.parse(json))
                .isInstanceOfSatisfying(PriceTableFormatException.class, e -> {
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isPositive();
                    if (!field.isEmpty()) {
                        assertThat(e.field()).as("field").isEqualTo(field);
                    }
                    assertThat(e.source()).isEqualTo("price table JSON");
                })
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("line " + line);
    }

    private static void assertPrice(Pricing p, String input, String output, String currency) {
        assertThat(p.inputPerMillion()).isEqualByComparingTo(input);
        assertThat(p.outputPerMillion()).isEqualByComparingTo(output);
        assertThat(p.currency()).isEqualTo(currency);
    }
}
