package dev.weft.core.spi;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.testing.Generated;
import dev.weft.core.testing.SpiValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ModelRef} survives a JSON round trip. */
class ModelRefJsonRoundTripTest {

    static Stream<Arguments> refs() {
        return Generated.cases(100, SpiValues::modelRef);
    }

    @ParameterizedTest
    @MethodSource("refs")
    void modelRef(ModelRef ref) {
        assertRoundTrips(ref, ModelRef.class);
    }
}
