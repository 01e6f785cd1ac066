package dev.weft.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Retriever;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AnswerEngine.Builder#build()} refuses each bad option, naming it. */
class AnswerEngineBuilderTest {
    private static final Retriever NOTHING = query -> List.of();

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("retriever", (UnaryOperator<AnswerEngine.Builder>) b -> b.retriever(null)),
                Arguments.of("tokenCounter", (UnaryOperator<AnswerEngine.Builder>) b -> b.tokenCounter(null)),
                Arguments.of("contextTokens", (UnaryOperator<AnswerEngine.Builder>) b -> b.contextTokens(0)),
                Arguments.of("topK", (UnaryOperator<AnswerEngine.Builder>) b -> b.topK(0)),
                Arguments.of("instructions", (UnaryOperator<AnswerEngine.Builder>) b -> b.instructions(" ")),
                Arguments.of("sampling", (UnaryOperator<AnswerEngine.Builder>) b -> b.sampling(null)),
                Arguments.of("maxSentences", (UnaryOperator<AnswerEngine.Builder>) b -> b.maxSentences(0)),
                Arguments.of("minSentenceScore", (UnaryOperator<AnswerEngine.Builder>) b -> b.minSentenceScore(Double.NaN)),
                Arguments.of("minSentenceScore", (UnaryOperator<AnswerEngine.Builder>) b -> b.minSentenceScore(Double.POSITIVE_INFINITY)),
                Arguments.of("noAnswerText", (UnaryOperator<AnswerEngine.Builder>) b -> b.noAnswerText(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void buildNamesTheBadOption(String option, UnaryOperator<AnswerEngine.Builder> breakIt) {
        AnswerEngine.Builder builder = breakIt.apply(AnswerEngine.builder().retriever(NOTHING));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class).hasMessageContaining(option + "(..)");
    }

    @Test
    void theDefaultsBuildAnExtractiveEngine() {
        Answer answer = AnswerEngine.builder().retriever(NOTHING).build().answer("Anything?");

        assertThat(answer.extractive()).isTrue();
        assertThat(answer.text()).isEqualTo(AnswerEngine.DEFAULT_NO_ANSWER);
        assertThat(answer.retrieved()).isEmpty();
    }
}
