package dev.weft.rag.answer;

import static dev.weft.rag.answer.HandbookCorpus.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extractive answers end to end: a real dense retriever (int8 MiniLM embeddings in core's exact store) and
 * sentences scored by the same model's embeddings, or lexically when no embedding model is given.
 */
class ExtractiveAnswerTest {

    private static AnswerEngine.Builder engine() {
        return AnswerEngine.builder().retriever(HandbookCorpus.retriever()).embeddingModel(HandbookCorpus.embedder());
    }

    @Test
    void answersWithTheSentencesThatAnswerAndCitesTheirChunk() {
        Answer answer = engine().build().answer("How many vacation days do new employees get?");

        assertThat(answer.extractive()).isTrue();
        assertThat(answer.modelResponse()).isEmpty();
        assertThat(answer.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(answer.invalidCitations()).isZero();
        assertThat(answer.claims()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Claim best = answer.claims().getFirst();
        assertThat(best.text()).isEqualTo("New employees receive 25 days of paid vacation per year.");
        ContextChunk handbook = numbered(answer.context(), "handbook-12");
        assertThat(best.sources()).containsExactly(handbook);
        assertThat(handbook.citation()).isEqualTo(new Citation("handbook-12", "handbook.pdf", "Employee Handbook", 12));
        assertThat(answer.text()).startsWith("New employees receive 25 days of paid vacation per year [" + handbook.number() + "].");
        assertThat(answer.citations()).contains(handbook.citation());
    }

    @Test
    void everyClaimCitesTheContextChunkItWasTakenFrom() {
        Answer answer = engine().maxSentences(5).minSentenceScore(0.0).build().answer("How do I reset my password?");

        assertThat(answer.claims()).hasSize(5);
        for (Claim claim : answer.claims()) {
            assertThat(claim.sources()).hasSize(1);
            assertThat(SentenceSplitter.normalizeWhitespace(claim.sources().getFirst().chunk().text())).contains(claim.text());
        }
        assertThat(answer.claims().getFirst().text()).startsWith("To reset your password, open the self-service portal");
        assertThat(answer.claims().getFirst().sources().getFirst().citation().toString()).isEqualTo("IT FAQ");
    }

    @Test
    void sentencesAreOrderedByRelevanceAndCutAtTheMinimumScore() {
        List<ContextChunk> context = GreedyPacker.pack(
                HandbookCorpus.retriever().retrieve(RetrievalQuery.of("When can I eat lunch?", 6)), 10_000, c -> 1);
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(new EmbeddingSentenceScorer(HandbookCorpus.embedder()), 10, 0.25);

        List<ExtractiveAnswerer.Selected> selected = answerer.select("When can I eat lunch?", context);

        assertThat(selected).isNotEmpty();
        assertThat(selected.getFirst().text()).isEqualTo("The cafeteria serves lunch between 11:30 and 14:00.");
        assertThat(selected).extracting(ExtractiveAnswerer.Selected::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(0.25));
    }

    @Test
    void saysItFoundNothingWhenNoSentenceIsRelevant() {
        Answer answer = engine().build().answer("Who won the football world cup in 1998?");

        assertThat(answer.text()).isEqualTo(AnswerEngine.DEFAULT_NO_ANSWER);
        assertThat(answer.claims()).isEmpty();
        assertThat(answer.cited()).isEmpty();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.retrieved()).isNotEmpty();
        assertThat(answer.extractive()).isTrue();
    }

    @Test
    void theMinimumScoreAndSentenceCountAreConfigurable() {
        assertThat(engine().minSentenceScore(0.99).noAnswerText("Nothing found.").build()
                .answer("How many vacation days do new employees get?").text()).isEqualTo("Nothing found.");
        assertThat(engine().maxSentences(1).build().answer("How many vacation days do new employees get?").claims())
                .hasSize(1);
    }

    @Test
    void withoutAnEmbeddingModelSentencesAreScoredLexically() {
        AnswerEngine lexical = AnswerEngine.builder().retriever(HandbookCorpus.retriever()).build();

        Answer answer = lexical.answer("How long must passwords be?");
        assertThat(answer.claims().getFirst().text()).isEqualTo("Passwords must be at least 14 characters long.");
        assertThat(answer.claims().getFirst().sources().getFirst().chunk().id()).isEqualTo("it-faq-1");

        assertThat(lexical.answer("What is the capital of Australia?").claims()).isEmpty();
    }

    @Test
    void onlyChunksThatFitTheBudgetAreUsed() {
        TokenCounter counter = HandbookCorpus.embedder().tokenCounter();
        int budget = 90;
        Answer answer = engine().tokenCounter(counter).contextTokens(budget).topK(6).minSentenceScore(0.0).maxSentences(20)
                .build().answer("How do I reset my password?");

        assertThat(answer.retrieved()).hasSize(6);
        assertThat(answer.context()).isNotEmpty().hasSizeLessThan(6);
        assertThat(answer.context().stream().mapToInt(c -> counter.count(AnswerPrompt.block(c))).sum()).isLessThanOrEqualTo(budget);
        assertThat(answer.cited()).isSubsetOf(answer.context());
        List<String> packedIds = answer.context().stream().map(c -> c.chunk().id()).toList();
        assertThat(answer.retrieved()).extracting(RetrievedChunk::id).containsAll(packedIds);
    }

    @Test
    void aFilteredQueryAnswersFromMatchingChunksOnly() {
        Answer answer = engine().minSentenceScore(0.0).build()
                .answer(new RetrievalQuery("How do I reset my password?", 3, Filter.eq("source", "handbook.pdf")), RequestContext.EMPTY);

        assertThat(answer.retrieved()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.citation().source()).isEqualTo("handbook.pdf"));
        assertThat(answer.cited()).allSatisfy(c -> assertThat(c.citation().source()).isEqualTo("handbook.pdf"));
    }

    @Test
    void theTextCarriesTheSameCitationsAsTheClaims() {
        Answer answer = engine().minSentenceScore(0.0).maxSentences(4).build().answer("Can I fly business class?");

        CitationMarkers.Parsed parsed = CitationMarkers.parse(answer.text(), answer.context().size());
        assertThat(parsed.invalidCitations()).isZero();
        assertThat(parsed.claims()).extracting(CitationMarkers.ParsedClaim::text)
                .containsExactlyElementsOf(answer.claims().stream().map(Claim::text).toList());
        assertThat(parsed.claims()).extracting(CitationMarkers.ParsedClaim::numbers)
                .containsExactlyElementsOf(answer.claims().stream().map(Claim::sourceNumbers).toList());
    }

    @Test
    void streamingAnExtractiveAnswerReplaysItsText() {
        AnswerEngine engine = engine().build();
        String question = "How many vacation days do new employees get?";

        try (AnswerStream stream = engine.stream(question)) {
            assertThat(stream.context()).isNotEmpty();
            StringBuilder text = new StringBuilder();
            for (ChatDelta delta : stream) {
                text.append(((ChatDelta.Text) delta).text());
            }
            Answer streamed = stream.answer();
            assertThat(streamed).isEqualTo(engine.answer(question));
            assertThat(text).hasToString(streamed.text());
            assertThat(stream.response().model()).isEqualTo(DefaultAnswerEngine.STAND_IN);
            assertThat(stream.response().usage()).isEqualTo(TokenUsage.ZERO);
        }
    }
}
