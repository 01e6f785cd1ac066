package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.cache.RequestVariations.Change;
import dev.weft.core.cache.RequestVariations.Subject;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache keys are canonical: equal requests get equal keys, a change to anything that can change the answer
 * gives another key, and context that cannot change the answer (user, feature, conversation, attributes) is
 * ignored. Over generated requests.
 */
class RequestFingerprintPropertyTest {
    private static final ModelInfo EMBEDDER = new BagOfWordsEmbeddingModel().info();

    record Copy(Subject original, Subject copy) {}

    static Stream<Arguments> equalCopies() {
        return Generated.cases(200, r -> {
            Subject s = RequestVariations.subject(r);
            // Written to JSON and read back, JSON schemas with their properties reordered, the model with other
            // pricing and attributes: a different object graph, equal where it counts.
            ChatRequest parsed = WeftJson.mapper().readValue(WeftJson.mapper().writeValueAsString(s.request()), ChatRequest.class);
            ModelInfo model = s.model().toBuilder().pricing(Pricing.perMillion("1", "2", "EUR")).attribute("extra", "x").build();
            return new Copy(s, new Subject(RequestVariations.withReorderedJson(parsed), model));
        });
    }

    @ParameterizedTest
    @MethodSource("equalCopies")
    void equalRequestsHaveEqualKeys(Copy c) {
        assertThat(c.copy().request()).isEqualTo(c.original().request());
        assertThat(RequestFingerprint.exactKey(c.copy().request(), c.copy().model()))
                .isEqualTo(RequestFingerprint.exactKey(c.original().request(), c.original().model()));
    }

    static Stream<Arguments> changes() {
        return Generated.cases(400, r -> RequestVariations.change(r, false));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void anyChangeThatCanChangeTheAnswerChangesTheKey(Change c) {
        assertThat(c.after()).as("the generator made a change to %s", c.what()).isNotEqualTo(c.before());
        assertThat(RequestFingerprint.exactKey(c.after().request(), c.after().model()))
                .as("key after changing %s", c.what())
                .isNotEqualTo(RequestFingerprint.exactKey(c.before().request(), c.before().model()));
    }

    record Recontext(Subject subject, ChatRequest otherContext) {}

    static Stream<Arguments> otherContexts() {
        return Generated.cases(200, r -> {
            Subject s = RequestVariations.subject(r);
            return new Recontext(s, RequestVariations.otherContextSameTenant(s.request(), r));
        });
    }

    @ParameterizedTest
    @MethodSource("otherContexts")
    void userFeatureConversationAndAttributesDoNotChangeTheKey(Recontext c) {
        ModelInfo model = c.subject().model();
        assertThat(RequestFingerprint.exactKey(c.otherContext(), model))
                .isEqualTo(RequestFingerprint.exactKey(c.subject().request(), model));
        assertThat(RequestFingerprint.semanticPartition(c.otherContext(), model, EMBEDDER, false))
                .isEqualTo(RequestFingerprint.semanticPartition(c.subject().request(), model, EMBEDDER, false));
    }

    static Stream<Arguments> contextChanges() {
        return Generated.cases(400, r -> RequestVariations.change(r, true));
    }

    @ParameterizedTest
    @MethodSource("contextChanges")
    void anyChangeBesideTheFinalTurnChangesTheSemanticPartition(Change c) {
        assertThat(c.after()).as("the generator made a change to %s", c.what()).isNotEqualTo(c.before());
        assertThat(c.after().request().messages().getLast()).isEqualTo(c.before().request().messages().getLast());
        assertThat(partition(c.after()))
                .as("partition after changing %s", c.what())
                .isNotEqualTo(partition(c.before()));
    }

    record FinalTurn(Subject subject, ChatRequest reworded) {}

    static Stream<Arguments> rewordedFinalTurns() {
        return Generated.cases(200, r -> {
            Subject s = RequestVariations.endingWithUserTurn(r);
            List<Message> messages = new ArrayList<>(s.request().messages());
            UserMessage last = (UserMessage) messages.getLast();
            messages.set(messages.size() - 1, new UserMessage(last.text() + " " + Texts.nonBlank(r, 10)));
            return new FinalTurn(s, RequestVariations.withMessages(s.request(), messages));
        });
    }

    @ParameterizedTest
    @MethodSource("rewordedFinalTurns")
    void theFinalTurnIsNotPartOfTheSemanticPartitionButIsPartOfTheExactKey(FinalTurn c) {
        ModelInfo model = c.subject().model();
        assertThat(RequestFingerprint.semanticPartition(c.reworded(), model, EMBEDDER, false))
                .isEqualTo(partition(c.subject()));
        assertThat(RequestFingerprint.exactKey(c.reworded(), model))
                .isNotEqualTo(RequestFingerprint.exactKey(c.subject().request(), model));
    }

    @ParameterizedTest
    @MethodSource("rewordedFinalTurns")
    void theEmbedderAndTheNormalisationArePartOfTheSemanticPartition(FinalTurn c) {
        Subject s = c.subject();
        ModelInfo otherEmbedder = new BagOfWordsEmbeddingModel(8).info();
        assertThat(RequestFingerprint.semanticPartition(s.request(), s.model(), otherEmbedder, false)).isNotEqualTo(partition(s));
        assertThat(RequestFingerprint.semanticPartition(s.request(), s.model(), EMBEDDER, true)).isNotEqualTo(partition(s));
    }

    private static String partition(Subject s) {
        return RequestFingerprint.semanticPartition(s.request(), s.model(), EMBEDDER, false);
    }
}
