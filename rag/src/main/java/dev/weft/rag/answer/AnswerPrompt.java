package dev.weft.rag.answer;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.retrieval.Citation;
import java.util.ArrayList;
import java.util.List;

/**
 * The request that asks a chat model to answer from numbered sources: the instructions as the system message, then
 * one user message holding each source as a block headed {@code [n]} with its title, source and page, and the
 * question last. Stateless; thread-safe.
 */
final class AnswerPrompt {
    private AnswerPrompt() {}

    /** The request for {@code question} over {@code context}. */
    static ChatRequest request(String instructions, String question, List<ContextChunk> context, Sampling sampling,
            RequestContext requestContext) {
        return ChatRequest.builder()
                .system(instructions)
                .user(userMessage(question, context))
                .sampling(sampling)
                .context(requestContext)
                .build();
    }

    /** The sources, then the question. */
    static String userMessage(String question, List<ContextChunk> context) {
        StringBuilder sb = new StringBuilder("Sources:\n\n");
        for (ContextChunk chunk : context) {
            sb.append(block(chunk)).append("\n\n");
        }
        return sb.append("Question: ").append(question.strip()).toString();
    }

    /** One source as the model sees it, and as the context budget counts it. */
    static String block(ContextChunk chunk) {
        return header(chunk) + "\n" + chunk.chunk().text().strip();
    }

    private static String header(ContextChunk chunk) {
        Citation c = chunk.citation();
        List<String> parts = new ArrayList<>(3);
        if (!c.title().isBlank()) {
            parts.add(c.title().strip());
        }
        if (!c.source().isBlank()) {
            parts.add(c.source().strip());
        }
        if (c.page() > 0) {
            parts.add("page " + c.page());
        }
        String label = String.join(" | ", parts).replaceAll("\\s+", " ");
        return "[" + chunk.number() + "]" + (label.isEmpty() ? "" : " " + label);
    }
}
