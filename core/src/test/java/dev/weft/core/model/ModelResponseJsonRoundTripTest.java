package dev.weft.core.model;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.testing.Generated;
import dev.weft.core.testing.ModelValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-chat model results survive a JSON round trip: {@link Embedding} (every finite float, bit for bit),
 * {@link EmbeddingResponse}, {@link ScoringResponse}, {@link LabelScore}, {@link Classification} and
 * {@link ClassificationResponse}.
 */
class ModelResponseJsonRoundTripTest {

    static Stream<Arguments> embeddings() {
        return Generated.cases(150, ModelValues::embedding);
    }

    static Stream<Arguments> embeddingResponses() {
        return Generated.cases(100, ModelValues::embeddingResponse);
    }

    static Stream<Arguments> scoringResponses() {
        return Generated.cases(100, ModelValues::scoringResponse);
    }

    static Stream<Arguments> labelScores() {
        return Generated.cases(100, ModelValues::labelScore);
    }

    static Stream<Arguments> classifications() {
        return Generated.cases(100, ModelValues::classification);
    }

    static Stream<Arguments> classificationResponses() {
        return Generated.cases(100, ModelValues::classificationResponse);
    }

    @ParameterizedTest
    @MethodSource("embeddings")
    void embedding(Embedding embedding) {
        assertRoundTrips(embedding, Embedding.class);
    }

    @ParameterizedTest
    @MethodSource("embeddingResponses")
    void embeddingResponse(EmbeddingResponse response) {
        assertRoundTrips(response, EmbeddingResponse.class);
    }

    @ParameterizedTest
    @MethodSource("scoringResponses")
    void scoringResponse(ScoringResponse response) {
        assertRoundTrips(response, ScoringResponse.class);
    }

    @ParameterizedTest
    @MethodSource("labelScores")
    void labelScore(LabelScore score) {
        assertRoundTrips(score, LabelScore.class);
    }

    @ParameterizedTest
    @MethodSource("classifications")
    void classification(Classification classification) {
        assertRoundTrips(classification, Classification.class);
    }

    @ParameterizedTest
    @MethodSource("classificationResponses")
    void classificationResponse(ClassificationResponse response) {
        assertRoundTrips(response, ClassificationResponse.class);
    }
}
