package dev.weft.core.model;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;
import dev.weft.testing.Generated;
import dev.weft.core.testing.ModelValues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ModelInfo}, {@link Pricing} (exact decimals of every scale) and {@link TokenUsage} survive a JSON round trip. */
class ModelInfoJsonRoundTripTest {

    static Stream<Arguments> infos() {
        return Generated.cases(150, ModelValues::modelInfo);
    }

    static Stream<Arguments> pricings() {
        return Generated.cases(100, ModelValues::pricing);
    }

    static Stream<Arguments> usages() {
        return Generated.cases(100, ModelValues::usage);
    }

    @ParameterizedTest
    @MethodSource("infos")
    void modelInfo(ModelInfo info) {
        assertRoundTrips(info, ModelInfo.class);
    }

    @ParameterizedTest
    @MethodSource("pricings")
    void pricing(Pricing pricing) {
        assertRoundTrips(pricing, Pricing.class);
    }

    @ParameterizedTest
    @MethodSource("usages")
    void tokenUsage(TokenUsage usage) {
        assertRoundTrips(usage, TokenUsage.class);
    }

    @Test
    void pricesKeepTheirScale() {
        Pricing back = WeftJson.mapper().readValue(
                WeftJson.mapper().writeValueAsString(Pricing.perMillion("0.150", "0.60", "USD")), Pricing.class);
        assertThat(back.inputPerMillion()).hasToString("0.150");
        assertThat(back.outputPerMillion()).hasToString("0.60");
    }
}
