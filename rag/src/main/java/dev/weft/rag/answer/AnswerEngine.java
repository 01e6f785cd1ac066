package dev.weft.rag.answer;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.Retriever;

/**
 * Answers questions from retrieved chunks, citing them. It retrieves ({@link Retriever}), packs the best chunks
 * into a token budget, numbers them {@code [1]..[n]}, and then either
 * <ul>
 *   <li>asks a {@link ChatModel} to answer from those sources only, citing them as {@code [n]} after each sentence
 *       and saying it does not know when they lack the answer; the markers are read back into {@link Claim}s, and
 *       markers that point to no chunk are dropped and counted ({@link Answer#invalidCitations()}); or,</li>
 *   <li>without a chat model, answers <em>extractively</em>: it splits the packed chunks into sentences, scores
 *       each against the question, and returns the best few, most relevant first, each citing its chunk. Sentences
 *       are scored by the cosine between their embedding and the question's when an {@link EmbeddingModel} is
 *       given, and otherwise by idf-weighted overlap of English-analysed terms (Lucene's {@code EnglishAnalyzer}).
 *       When no sentence scores at least {@link Builder#minSentenceScore}, the answer says it found nothing.</li>
 * </ul>
 * When nothing is retrieved (or nothing fits the budget) no model is called and the answer says so.
 *
 * <pre>{@code
 * AnswerEngine engine = AnswerEngine.builder()
 *     .retriever(retriever)
 *     .chatModel(chatModel)                       // omit for extractive answers
 *     .tokenCounter(text -> chatTokenizer.count(text))
 *     .contextTokens(4_000)
 *     .build();
 *
 * Answer answer = engine.answer("How do I reset my password?");
 * answer.claims().forEach(c -> System.out.println(c.text() + " " + c.sourceNumbers()));
 * answer.citations().forEach(System.out::println);  // "Employee Handbook, p. 12"
 * }</pre>
 *
 * <p>Immutable and thread-safe when its retriever and models are; it owns none of them and closes none.
 */
public interface AnswerEngine {

    /** The system message that asks the model to answer from the numbered sources and cite them. */
    String DEFAULT_INSTRUCTIONS = """
            You answer questions using only the numbered sources in the user's message.
            - Use only facts stated in the sources; do not add knowledge of your own.
            - After each sentence, cite the sources that support it by their numbers in square brackets, \
            such as [1] or [1, 3].
            - Cite only numbers of sources that appear in the message.
            - If the sources do not contain the answer, say that you don't know and cite nothing.
            - Answer concisely, in the language of the question.""";

    /** The answer given when the sources hold nothing relevant and no model was asked. */
    String DEFAULT_NO_ANSWER = "I don't know: the available sources do not contain the answer.";

    /**
     * Answers {@code question} from the engine's {@link Builder#topK topK} best chunks.
     *
     * @throws dev.weft.core.InvalidInputException if the question is null or blank
     */
    Answer answer(String question);

    /**
     * Answers {@code query.text()} from up to {@code query.topK()} chunks that match {@code query.filter()};
     * {@code context} goes with the model request (for budgets, caches, traces).
     */
    Answer answer(RetrievalQuery query, RequestContext context);

    /**
     * Retrieves for {@code question} now and returns a stream of the model's answer; the model is called when the
     * stream is first read.
     *
     * @throws dev.weft.core.InvalidInputException if the question is null or blank
     */
    AnswerStream stream(String question);

    /** As {@link #stream(String)}, for a query with its own {@code topK} and filter, and a request context. */
    AnswerStream stream(RetrievalQuery query, RequestContext context);

    /** A builder; {@link Builder#retriever} is required. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AnswerEngine}; {@link #build()} validates every option and names the bad one. Not thread-safe. */
    final class Builder {
        private Retriever retriever;
        private ChatModel chatModel;
        private EmbeddingModel embeddingModel;
        private TokenCounter tokenCounter = TokenCounter.APPROXIMATE;
        private int contextTokens = 3_000;
        private int topK = 8;
        private String instructions = DEFAULT_INSTRUCTIONS;
        private Sampling sampling = Sampling.DEFAULTS;
        private int maxSentences = 3;
        private Double minSentenceScore; // null: the scorer's default
        private String noAnswerText = DEFAULT_NO_ANSWER;

        private Builder() {}

        /** Where the chunks come from; required. */
        public Builder retriever(Retriever retriever) {
            this.retriever = retriever;
            return this;
        }

        /** The model that writes answers; without one (the default, or null) answers are extractive. */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Scores sentences for extractive answers by embedding cosine; without one (the default, or null) they are
         * scored by lexical overlap. Unused when a chat model is set.
         */
        public Builder embeddingModel(EmbeddingModel embeddingModel) {
            this.embeddingModel = embeddingModel;
            return this;
        }

        /**
         * Counts the context's tokens against {@link #contextTokens}; {@link TokenCounter#APPROXIMATE} by default.
         * Prefer the chat model's own tokenizer.
         */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = tokenCounter;
            return this;
        }

        /**
         * The most tokens the numbered sources may take, each counted as the model sees it (its {@code [n]} header
         * with title, source and page, then its text); instructions and question are not counted. Default 3000.
         */
        public Builder contextTokens(int contextTokens) {
            this.contextTokens = contextTokens;
            return this;
        }

        /** How many chunks {@link AnswerEngine#answer(String)} retrieves; default 8. */
        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        /** The system message for the chat model; default {@link AnswerEngine#DEFAULT_INSTRUCTIONS}. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** How the chat model samples; the model's defaults unless set. */
        public Builder sampling(Sampling sampling) {
            this.sampling = sampling;
            return this;
        }

        /** The most sentences an extractive answer holds; default 3. */
        public Builder maxSentences(int maxSentences) {
            this.maxSentences = maxSentences;
            return this;
        }

        /**
         * The least score a sentence needs to enter an extractive answer. Default 0.4, for embedding cosine (where
         * sentences that answer score about 0.5 and more with MiniLM-class models, unrelated ones below 0.3) and
         * for lexical overlap (scores in [0, 1]: the idf-weighted share of the question's terms found).
         */
        public Builder minSentenceScore(double minSentenceScore) {
            this.minSentenceScore = minSentenceScore;
            return this;
        }

        /** The answer given when nothing relevant was found; default {@link AnswerEngine#DEFAULT_NO_ANSWER}. */
        public Builder noAnswerText(String noAnswerText) {
            this.noAnswerText = noAnswerText;
            return this;
        }

        /**
         * The engine.
         *
         * @throws dev.weft.core.InvalidInputException naming the first option that is missing or out of range
         */
        public AnswerEngine build() {
            Preconditions.check(retriever != null, "AnswerEngine.builder().retriever(..) is required");
            Preconditions.check(tokenCounter != null, "AnswerEngine.builder().tokenCounter(..) must not be null");
            Preconditions.check(contextTokens >= 1, "AnswerEngine.builder().contextTokens(..) must be >= 1, was " + contextTokens);
            Preconditions.check(topK >= 1, "AnswerEngine.builder().topK(..) must be >= 1, was " + topK);
            Preconditions.check(instructions != null && !instructions.isBlank(),
                    "AnswerEngine.builder().instructions(..) must not be null or blank");
            Preconditions.check(sampling != null, "AnswerEngine.builder().sampling(..) must not be null");
            Preconditions.check(maxSentences >= 1, "AnswerEngine.builder().maxSentences(..) must be >= 1, was " + maxSentences);
            Preconditions.check(minSentenceScore == null || Double.isFinite(minSentenceScore),
                    "AnswerEngine.builder().minSentenceScore(..) must be finite, was " + minSentenceScore);
            Preconditions.check(noAnswerText != null && !noAnswerText.isBlank(),
                    "AnswerEngine.builder().noAnswerText(..) must not be null or blank");
            SentenceScorer scorer = embeddingModel != null ? new EmbeddingSentenceScorer(embeddingModel) : new LexicalSentenceScorer();
            double minScore = minSentenceScore == null ? scorer.defaultMinScore() : minSentenceScore;
            return new DefaultAnswerEngine(retriever, chatModel, tokenCounter, contextTokens, topK, instructions,
                    sampling, new ExtractiveAnswerer(scorer, maxSentences, minScore), noAnswerText);
        }
    }
}
