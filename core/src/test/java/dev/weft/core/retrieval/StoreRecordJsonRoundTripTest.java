package dev.weft.core.retrieval;

import static dev.weft.core.testing.JsonRoundTrip.assertRoundTrips;

import dev.weft.testing.Generated;
import dev.weft.core.testing.RetrievalValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store and retrieval records survive a JSON round trip: {@link StoredChunk}, {@link SearchHit},
 * {@link VectorQuery} (including its default {@code -Infinity} minimum score), {@link TextQuery},
 * {@link RetrievalQuery}, {@link RetrievedChunk} and {@link Citation}.
 */
class StoreRecordJsonRoundTripTest {

    static Stream<Arguments> storedChunks() {
        return Generated.cases(100, RetrievalValues::storedChunk);
    }

    static Stream<Arguments> searchHits() {
        return Generated.cases(100, RetrievalValues::searchHit);
    }

    static Stream<Arguments> vectorQueries() {
        return Generated.cases(100, RetrievalValues::vectorQuery);
    }

    static Stream<Arguments> textQueries() {
        return Generated.cases(100, RetrievalValues::textQuery);
    }

    static Stream<Arguments> retrievalQueries() {
        return Generated.cases(100, RetrievalValues::retrievalQuery);
    }

    static Stream<Arguments> retrievedChunks() {
        return Generated.cases(100, RetrievalValues::retrievedChunk);
    }

    static Stream<Arguments> citations() {
        return Generated.cases(100, RetrievalValues::citation);
    }

    @ParameterizedTest
    @MethodSource("storedChunks")
    void storedChunk(StoredChunk chunk) {
        assertRoundTrips(chunk, StoredChunk.class);
    }

    @ParameterizedTest
    @MethodSource("searchHits")
    void searchHit(SearchHit hit) {
        assertRoundTrips(hit, SearchHit.class);
    }

    @ParameterizedTest
    @MethodSource("vectorQueries")
    void vectorQuery(VectorQuery query) {
        assertRoundTrips(query, VectorQuery.class);
    }

    @ParameterizedTest
    @MethodSource("textQueries")
    void textQuery(TextQuery query) {
        assertRoundTrips(query, TextQuery.class);
    }

    @ParameterizedTest
    @MethodSource("retrievalQueries")
    void retrievalQuery(RetrievalQuery query) {
        assertRoundTrips(query, RetrievalQuery.class);
    }

    @ParameterizedTest
    @MethodSource("retrievedChunks")
    void retrievedChunk(RetrievedChunk chunk) {
        assertRoundTrips(chunk, RetrievedChunk.class);
    }

    @ParameterizedTest
    @MethodSource("citations")
    void citation(Citation citation) {
        assertRoundTrips(citation, Citation.class);
    }
}
