package dev.weft.rag.answer;

import dev.weft.testing.Generated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.retrieval.RetrievalQuery;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a model writes, the engine answers without throwing, and every claim cites chunks of the answer's own
 * context, under their numbers; each case's seed is in its name. The model is a {@link ScriptedChatModel} answering
 * a generated text; retrieval is real.
 */
class ChatAnswerPropertyTest {
    private static final String[] PIECES = {"[1]", "[2]", "[3]", "[4]", "[9]", "[0]", "[1, 4]", "[2;3]", "[3][1]",
        "[99999999999]", "[", "]", "`", "``", " ", "\n", ". ", "! ", "Paris", "naïve", "日本語", "🙂", "\uD800", "42"};

    /** What the model writes, and how many chunks the engine retrieves. */
    record Case(String modelText, int topK) {
        @Override
        public String toString() {
            return "Case[modelText=" + CitationMarkersPropertyTest.javaLiteral(modelText) + ", topK=" + topK + "]";
        }
    }

    static Stream<Arguments> cases() {
        return Generated.cases(60, (Random r) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = r.intRange(0, 30); i > 0; i--) {
                sb.append(r.oneOf(PIECES));
            }
            return new Case(sb.toString(), r.intRange(1, 6));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyCitationPointsIntoTheContext(Case c) {
        AnswerEngine engine = AnswerEngine.builder().retriever(HandbookCorpus.retriever())
                .chatModel(ScriptedChatModel.answering(c.modelText())).build();

        Answer answer = engine.answer(RetrievalQuery.of("How do I reset my password?", c.topK()), RequestContext.EMPTY);

        assertThat(answer.context()).as("%s", c).hasSize(c.topK());
        for (Claim claim : answer.claims()) {
            for (ContextChunk source : claim.sources()) {
                assertThat(source).as("%s", c).isSameAs(answer.context().get(source.number() - 1));
            }
        }
        assertThat(answer.invalidCitations()).as("%s", c)
                .isEqualTo(CitationMarkers.parse(c.modelText(), c.topK()).invalidCitations());
        try (AnswerStream stream = engine.stream(RetrievalQuery.of("How do I reset my password?", c.topK()), RequestContext.EMPTY)) {
            assertThat(stream.answer()).as("%s", c).isEqualTo(answer);
        }
    }
}
