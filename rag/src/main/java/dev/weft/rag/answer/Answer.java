package dev.weft.rag.answer;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer to a question, with the chunks each of its sentences cites. Immutable.
 *
 * <pre>{@code
 * Answer answer = engine.answer("How many vacation days do new employees get?");
 * System.out.println(answer.text());                       // "New employees get 25 days [2]."
 * for (Claim claim : answer.claims()) {
 *     System.out.println(claim.text() + " <- " + claim.sources().stream().map(ContextChunk::citation).toList());
 * }
 * answer.modelResponse().ifPresent(r -> System.out.println(r.usage()));
 * }</pre>
 *
 * @param question the question asked
 * @param text the answer as it is shown, with {@code [n]} markers after the sentences that cite chunk {@code n};
 *     markers that pointed to no chunk have been removed
 * @param claims the answer's sentences, in order, each with the chunks it cites
 * @param context the chunks given to the answerer, numbered from 1 in the order they were given
 * @param retrieved every chunk the retriever returned, best first, including those that did not fit the context
 * @param invalidCitations how many citation numbers the model wrote that pointed to no chunk of the context; they
 *     were dropped. Always 0 for extractive answers
 * @param extractive whether the answer was assembled from sentences of the context rather than written by a model
 * @param modelResponse the chat model's response (usage, model, finish reason, timings); empty when no model was
 *     called, which is so for extractive answers and when nothing was retrieved
 */
public record Answer(
        String question,
        String text,
        List<Claim> claims,
        List<ContextChunk> context,
        List<RetrievedChunk> retrieved,
        int invalidCitations,
        boolean extractive,
        Optional<ChatResponse> modelResponse) {

    public Answer {
        Preconditions.notNull(question, "question");
        Preconditions.notNull(text, "text");
        claims = Preconditions.immutableList(claims, "claims");
        context = Preconditions.immutableList(context, "context");
        retrieved = Preconditions.immutableList(retrieved, "retrieved");
        Preconditions.check(invalidCitations >= 0, "invalidCitations must be >= 0, was " + invalidCitations);
        Preconditions.notNull(modelResponse, "modelResponse");
        for (int i = 0; i < context.size(); i++) {
            Preconditions.check(context.get(i).number() == i + 1,
                    "context chunks must be numbered 1..n in order; chunk " + i + " has number " + context.get(i).number());
        }
        for (Claim claim : claims) {
            for (ContextChunk source : claim.sources()) {
                Preconditions.check(source.number() <= context.size() && context.get(source.number() - 1).equals(source),
                        "claim \"" + claim.text() + "\" cites chunk [" + source.number() + "], which is not in the context");
            }
        }
    }

    /** The chunks cited by at least one claim, by ascending number. */
    public List<ContextChunk> cited() {
        TreeMap<Integer, ContextChunk> byNumber = new TreeMap<>();
        claims.forEach(c -> c.sources().forEach(s -> byNumber.putIfAbsent(s.number(), s)));
        return List.copyOf(byNumber.values());
    }

    /** Where the cited chunks came from, by ascending chunk number. */
    public List<Citation> citations() {
        return cited().stream().map(ContextChunk::citation).toList();
    }

    /** The tokens the chat model read and wrote; {@link TokenUsage#ZERO} when no model was called. */
    public TokenUsage usage() {
        return modelResponse.map(ChatResponse::usage).orElse(TokenUsage.ZERO);
    }

    /** The model that wrote the answer; empty when no model was called. */
    public Optional<ModelInfo> model() {
        return modelResponse.map(ChatResponse::model);
    }
}
