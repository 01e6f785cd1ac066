package dev.weft.core.chat;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ChatRequest} and its parts survive a JSON round trip: messages of every kind, tools, every
 * {@link ResponseFormat} variant, {@link Sampling} and {@link RequestContext}.
 */
class ChatRequestJsonRoundTripTest {

    static Stream<Arguments> requests() {
        return Generated.cases(150, ChatValues::chatRequest);
    }

    static Stream<Arguments> responseFormats() {
        return Generated.cases(100, ChatValues::responseFormat);
    }

    static Stream<Arguments> samplings() {
        return Generated.cases(100, ChatValues::sampling);
    }

    static Stream<Arguments> contexts() {
        return Generated.cases(100, ChatValues::requestContext);
    }

    @ParameterizedTest
    @MethodSource("requests")
    void chatRequest(ChatRequest request) {
        assertRoundTrips(request, ChatRequest.class);
    }

    @ParameterizedTest
    @MethodSource("responseFormats")
    void responseFormat(ResponseFormat format) {
        assertRoundTrips(format, ResponseFormat.class);
    }

    @ParameterizedTest
    @MethodSource("samplings")
    void sampling(Sampling sampling) {
        assertRoundTrips(sampling, Sampling.class);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void requestContext(RequestContext context) {
        assertRoundTrips(context, RequestContext.class);
    }
}
