package dev.weft.rag.answer;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.Timings;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AnswerEngine}: retrieve, pack, then ask the chat model or answer extractively. */
final class DefaultAnswerEngine implements AnswerEngine {
    private static final Logger log = LoggerFactory.getLogger(DefaultAnswerEngine.class);
    /** The model named by the stand-in response of streams on which no model was called. */
    static final ModelInfo STAND_IN = ModelInfo.builder("answer-engine", "weft").build();

    private final Retriever retriever;
    private final ChatModel chatModel; // null: extractive
    private final TokenCounter tokenCounter;
    private final int contextTokens;
    private final int topK;
    private final String instructions;
    private final Sampling sampling;
    private final ExtractiveAnswerer extractive;
    private final String noAnswerText;

    DefaultAnswerEngine(Retriever retriever, ChatModel chatModel, TokenCounter tokenCounter, int contextTokens,
            int topK, String instructions, Sampling sampling, ExtractiveAnswerer extractive, String noAnswerText) {
        this.retriever = retriever;
        this.chatModel = chatModel;
        this.tokenCounter = tokenCounter;
        this.contextTokens = contextTokens;
        this.topK = topK;
        this.instructions = instructions;
        this.sampling = sampling;
        this.extractive = extractive;
        this.noAnswerText = noAnswerText;
    }

    /** What was retrieved and what of it fits the budget. */
    private record Retrieval(String question, List<RetrievedChunk> retrieved, List<ContextChunk> context) {}

    @Override
    public Answer answer(String question) {
        return answer(query(question), RequestContext.EMPTY);
    }

    @Override
    public Answer answer(RetrievalQuery query, RequestContext context) {
        Retrieval r = retrieve(query);
        if (chatModel == null || r.context().isEmpty()) {
            return answerWithoutModel(r);
        }
        ChatResponse response = chatModel.chat(request(r, context));
        if (response == null) {
            throw new InvalidModelResponseException("the chat model '" + chatModel.info().id()
                    + "' returned no response (null); check its implementation of chat()", null);
        }
        return fromModel(r, response);
    }

    @Override
    public AnswerStream stream(String question) {
        return stream(query(question), RequestContext.EMPTY);
    }

    @Override
    public AnswerStream stream(RetrievalQuery query, RequestContext context) {
        Retrieval r = retrieve(query);
        if (chatModel == null || r.context().isEmpty()) {
            Answer answer = answerWithoutModel(r);
            ChatResponse standIn = new ChatResponse(AssistantMessage.of(answer.text()), TokenUsage.ZERO,
                    FinishReason.STOP, STAND_IN, Timings.ZERO);
            return new DelegatingAnswerStream(ChatStream.of(standIn), r.context(), response -> answer);
        }
        ChatStream stream = chatModel.stream(request(r, context));
        if (stream == null) {
            throw new InvalidModelResponseException("the chat model '" + chatModel.info().id()
                    + "' returned no stream (null); check its implementation of stream()", null);
        }
        return new DelegatingAnswerStream(stream, r.context(), response -> fromModel(r, response));
    }

    private RetrievalQuery query(String question) {
        Preconditions.notBlank(question, "question");
        return RetrievalQuery.of(question, topK);
    }

    private Retrieval retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        List<RetrievedChunk> retrieved = Objects.requireNonNullElse(retriever.retrieve(query), List.<RetrievedChunk>of());
        retrieved = retrieved.stream().filter(Objects::nonNull).toList();
        List<ContextChunk> context = GreedyPacker.pack(retrieved, contextTokens,
                chunk -> tokenCounter.count(AnswerPrompt.block(chunk)));
        if (context.isEmpty() && !retrieved.isEmpty()) {
            log.warn("None of the {} retrieved chunks fits the context budget of {} tokens; the answer will say it "
                    + "found nothing. Raise contextTokens or retrieve smaller chunks.", retrieved.size(), contextTokens);
        }
        return new Retrieval(query.text(), retrieved, context);
    }

    private ChatRequest request(Retrieval r, RequestContext context) {
        return AnswerPrompt.request(instructions, r.question(), r.context(), sampling,
                context == null ? RequestContext.EMPTY : context);
    }

    private Answer fromModel(Retrieval r, ChatResponse response) {
        CitationMarkers.Parsed parsed = CitationMarkers.parse(response.text(), r.context().size());
        if (parsed.invalidCitations() > 0) {
            log.debug("Dropped {} citation(s) of model '{}' that pointed outside sources [1..{}]",
                    parsed.invalidCitations(), response.model().id(), r.context().size());
        }
        List<Claim> claims = parsed.claims().stream()
                .map(c -> new Claim(c.text(), c.numbers().stream().map(n -> r.context().get(n - 1)).toList()))
                .toList();
        return new Answer(r.question(), parsed.text(), claims, r.context(), r.retrieved(), parsed.invalidCitations(),
                false, Optional.of(response));
    }

    private Answer answerWithoutModel(Retrieval r) {
        boolean isExtractive = chatModel == null;
        if (!isExtractive || r.context().isEmpty()) {
            return noAnswer(r, isExtractive);
        }
        List<ExtractiveAnswerer.Selected> selected = extractive.select(r.question(), r.context());
        if (selected.isEmpty()) {
            log.debug("No sentence of {} context chunks scored >= {} by {}", r.context().size(), extractive.minScore(),
                    extractive.scorer().describe());
            return noAnswer(r, true);
        }
        List<Claim> claims = selected.stream().map(s -> new Claim(s.text(), List.of(s.source()))).toList();
        String text = String.join(" ", selected.stream().map(s -> ExtractiveAnswerer.cite(s.text(), s.source().number())).toList());
        return new Answer(r.question(), text, claims, r.context(), r.retrieved(), 0, true, Optional.empty());
    }

    private Answer noAnswer(Retrieval r, boolean isExtractive) {
        return new Answer(r.question(), noAnswerText, List.of(), r.context(), r.retrieved(), 0, isExtractive, Optional.empty());
    }
}
