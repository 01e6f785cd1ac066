package dev.weft.rag.answer;

import static dev.weft.rag.answer.HandbookCorpus.numbered;
import static dev.weft.rag.answer.PromptSources.numberOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Answers written by a chat model: a {@link ScriptedChatModel} stands in for it (no real chat model runs in this
 * module's tests), while retrieval is real (int8 MiniLM embeddings in core's exact store).
 */
class ChatAnswerTest {
    private static final String PASSWORD = "How do I reset my password?";

    /** Cites the password chunk twice and the vacation chunk with it, reading their numbers from the prompt. */
    private static final Function<ChatRequest, String> CITING_SCRIPT = request -> {
        int it = numberOf(request, "To reset your password");
        int handbook = numberOf(request, "New employees receive");
        return "Open the self-service portal and choose Forgot password [" + it + "]. The link goes to your phone. ["
                + it + "]\nNew staff also get 25 vacation days [" + handbook + ", " + it + "].";
    };

    private static AnswerEngine.Builder engine(ScriptedChatModel model) {
        return AnswerEngine.builder().retriever(HandbookCorpus.retriever()).chatModel(model).topK(6);
    }

    @Test
    void thePromptNumbersTheSourcesWithTheirCitationsAndEndsWithTheQuestion() {
        ScriptedChatModel model = ScriptedChatModel.answering("I don't know.");
        Answer answer = engine(model).build().answer(PASSWORD);

        ChatRequest request = model.onlyRequest();
        assertThat(request.messages()).hasSize(2);
        assertThat(request.messages().getFirst()).isEqualTo(new SystemMessage(AnswerEngine.DEFAULT_INSTRUCTIONS));
        assertThat(AnswerEngine.DEFAULT_INSTRUCTIONS).contains("only", "[1]", "[1, 3]", "don't know");
        assertThat(request.messages().get(1)).isInstanceOf(UserMessage.class);
        String prompt = request.lastUserText();
        assertThat(prompt).startsWith("Sources:\n\n[1] ").endsWith("\n\nQuestion: " + PASSWORD);

        assertThat(answer.context()).extracting(c -> c.chunk().id())
                .containsExactlyElementsOf(answer.retrieved().stream().map(RetrievedChunk::id).toList());
        Map<Integer, String> blocks = PromptSources.blocks(request);
        assertThat(blocks.keySet()).containsExactlyElementsOf(answer.context().stream().map(ContextChunk::number).toList());
        int handbook = numbered(answer.context(), "handbook-12").number();
        assertThat(blocks.get(handbook)).isEqualTo("[" + handbook + "] Employee Handbook | handbook.pdf | page 12\n"
                + HandbookCorpus.TEXTS.get("handbook-12"));
        int cafeteria = numbered(answer.context(), "cafeteria").number();
        assertThat(blocks.get(cafeteria)).isEqualTo("[" + cafeteria + "] https://intranet.example/cafeteria\n"
                + HandbookCorpus.TEXTS.get("cafeteria"));
        int faq = numbered(answer.context(), "it-faq-1").number();
        assertThat(blocks.get(faq)).startsWith("[" + faq + "] IT FAQ | it-faq.md\nTo reset your password");
    }

    @Test
    void citationMarkersMapEachSentenceToItsChunks() {
        ScriptedChatModel model = ScriptedChatModel.answering(CITING_SCRIPT);
        Answer answer = engine(model).build().answer(PASSWORD);

        ContextChunk it = numbered(answer.context(), "it-faq-1");
        ContextChunk handbook = numbered(answer.context(), "handbook-12");
        assertThat(answer.claims()).extracting(Claim::text).containsExactly(
                "Open the self-service portal and choose Forgot password.",
                "The link goes to your phone.",
                "New staff also get 25 vacation days.");
        assertThat(answer.claims().get(0).sources()).containsExactly(it);
        assertThat(answer.claims().get(1).sources()).containsExactly(it);
        assertThat(answer.claims().get(2).sources()).containsExactlyInAnyOrder(it, handbook)
                .isSortedAccordingTo((a, b) -> Integer.compare(a.number(), b.number()));
        assertThat(answer.cited()).containsExactlyInAnyOrder(it, handbook);
        assertThat(answer.citations()).containsExactlyInAnyOrder(it.citation(), handbook.citation());
        assertThat(answer.invalidCitations()).isZero();
        assertThat(answer.text()).isEqualTo(CITING_SCRIPT.apply(model.onlyRequest()));
    }

    @Test
    void markersPointingToNoChunkAreDroppedCountedAndRemovedFromTheText() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "Answer A [1, 99]. Answer B [0]. Answer C [2][7]. Answer D [12345678901234567890].");
        Answer answer = engine(model).topK(4).build().answer(PASSWORD);

        assertThat(answer.context()).hasSize(4);
        assertThat(answer.invalidCitations()).isEqualTo(4);
        assertThat(answer.text()).isEqualTo("Answer A [1]. Answer B. Answer C [2]. Answer D.");
        assertThat(answer.claims()).extracting(Claim::sourceNumbers)
                .containsExactly(List.of(1), List.of(), List.of(2), List.of());
        assertThat(answer.cited()).extracting(ContextChunk::number).containsExactly(1, 2);
    }

    @Test
    void theSourcesInThePromptFitTheTokenBudget() {
        TokenCounter counter = HandbookCorpus.embedder().tokenCounter();
        int budget = 100;
        ScriptedChatModel model = ScriptedChatModel.answering("I don't know.");
        Answer answer = engine(model).tokenCounter(counter).contextTokens(budget).build().answer(PASSWORD);

        Map<Integer, String> blocks = PromptSources.blocks(model.onlyRequest());
        assertThat(blocks.values().stream().mapToInt(counter::count).sum()).isLessThanOrEqualTo(budget);
        assertThat(blocks).hasSize(answer.context().size());
        assertThat(answer.retrieved()).hasSize(6);
        assertThat(answer.context()).isNotEmpty().hasSizeLessThan(6);
        List<String> packed = answer.context().stream().map(c -> c.chunk().id()).toList();
        for (RetrievedChunk left : answer.retrieved().stream().filter(c -> !packed.contains(c.id())).toList()) {
            assertThat(model.onlyRequest().lastUserText()).doesNotContain(left.text().strip());
        }
    }

    @Test
    void streamingYieldsTheSameAnswerAsChat() {
        ScriptedChatModel model = ScriptedChatModel.answering(CITING_SCRIPT);
        AnswerEngine engine = engine(model).build();
        Answer chatted = engine.answer(PASSWORD);

        try (AnswerStream stream = engine.stream(PASSWORD)) {
            assertThat(model.requests()).as("the model is called when the stream is first read").hasSize(1);
            assertThat(stream.context()).isEqualTo(chatted.context());
            StringBuilder text = new StringBuilder();
            int deltas = 0;
            for (ChatDelta delta : stream) {
                text.append(((ChatDelta.Text) delta).text());
                deltas++;
            }
            assertThat(deltas).isGreaterThan(10);
            assertThat(text).hasToString(chatted.modelResponse().orElseThrow().text());
            assertThat(stream.answer()).isEqualTo(chatted).isSameAs(stream.answer());
        }
        assertThat(model.requests()).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(model.requests().getFirst()));
    }

    @Test
    void theAnswerCarriesTheModelsResponse() {
        ScriptedChatModel model = ScriptedChatModel.answering(CITING_SCRIPT);
        Answer answer = engine(model).build().answer(PASSWORD);

        assertThat(answer.extractive()).isFalse();
        assertThat(answer.model()).contains(ScriptedChatModel.INFO);
        assertThat(answer.usage().inputTokens()).isPositive();
        assertThat(answer.usage().outputTokens()).isPositive();
        assertThat(answer.usage()).isEqualTo(answer.modelResponse().orElseThrow().usage());
        assertThat(answer.question()).isEqualTo(PASSWORD);
    }

    @Test
    void samplingAndRequestContextReachTheModel() {
        ScriptedChatModel model = ScriptedChatModel.answering("I don't know.");
        Sampling greedy = Sampling.builder().temperature(0.0).maxTokens(200).build();
        RequestContext user = RequestContext.builder().userId("u-42").feature("help-desk").build();
        engine(model).sampling(greedy).instructions("Answer from the sources.").build()
                .answer(RetrievalQuery.of(PASSWORD, 2), user);

        ChatRequest request = model.onlyRequest();
        assertThat(request.sampling()).isEqualTo(greedy);
        assertThat(request.context()).isEqualTo(user);
        assertThat(request.messages().getFirst()).isEqualTo(new SystemMessage("Answer from the sources."));
        assertThat(PromptSources.blocks(request)).hasSize(2);
    }

    @Test
    void whenTheModelDoesNotKnowItsSentenceCitesNothing() {
        Answer answer = engine(ScriptedChatModel.answering("I don't know.")).build().answer(PASSWORD);

        assertThat(answer.claims()).containsExactly(new Claim("I don't know.", List.of()));
        assertThat(answer.cited()).isEmpty();
    }

    @Test
    void whenNothingIsRetrievedTheModelIsNotCalled() {
        ScriptedChatModel model = ScriptedChatModel.answering(CITING_SCRIPT);
        AnswerEngine engine = engine(model).build();
        RetrievalQuery nowhere = new RetrievalQuery(PASSWORD, 5, Filter.eq("source", "nowhere.txt"));

        Answer answer = engine.answer(nowhere, RequestContext.EMPTY);
        assertThat(answer.text()).isEqualTo(AnswerEngine.DEFAULT_NO_ANSWER);
        assertThat(answer.retrieved()).isEmpty();
        assertThat(answer.extractive()).isFalse();
        assertThat(answer.modelResponse()).isEmpty();

        try (AnswerStream stream = engine.stream(nowhere, RequestContext.EMPTY)) {
            assertThat(stream.response().text()).isEqualTo(AnswerEngine.DEFAULT_NO_ANSWER);
            assertThat(stream.response().model()).isEqualTo(DefaultAnswerEngine.STAND_IN);
            assertThat(stream.answer()).isEqualTo(answer);
        }
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void whenNoChunkFitsTheBudgetTheModelIsNotCalled() {
        ScriptedChatModel model = ScriptedChatModel.answering(CITING_SCRIPT);
        Answer answer = engine(model).contextTokens(5).build().answer(PASSWORD);

        assertThat(answer.retrieved()).isNotEmpty();
        assertThat(answer.context()).isEmpty();
        assertThat(answer.text()).isEqualTo(AnswerEngine.DEFAULT_NO_ANSWER);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aStreamClosedBeforeItEndsHasNoAnswer() {
        AnswerStream stream = engine(ScriptedChatModel.answering(CITING_SCRIPT)).build().stream(PASSWORD);
        Iterator<ChatDelta> deltas = stream.iterator();
        assertThat(deltas.next()).isInstanceOf(ChatDelta.Text.class);
        stream.close();

        assertThatThrownBy(stream::answer).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
    }

    @Test
    void aBlankQuestionIsRejected() {
        AnswerEngine engine = engine(ScriptedChatModel.answering("x")).build();
        assertThatThrownBy(() -> engine.answer("  ")).isInstanceOf(dev.weft.core.InvalidInputException.class)
                .hasMessageContaining("question");
        assertThatThrownBy(() -> engine.stream((String) null)).isInstanceOf(dev.weft.core.InvalidInputException.class)
                .hasMessageContaining("question");
    }
}
