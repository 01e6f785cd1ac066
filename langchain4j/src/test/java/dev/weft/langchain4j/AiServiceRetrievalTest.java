package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Retriever;
import dev.weft.rag.lucene.LuceneStore;
import dev.weft.rag.retrieval.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real LangChain4j AI Service whose content retriever is Weft's hybrid retrieval (BM25 + dense, fused) over a
 * Lucene index on disk with real MiniLM embeddings, and whose chat model is LangChain4j's OpenAI client talking to
 * the loopback double of the OpenAI API, which records the prompt it receives.
 */
class AiServiceRetrievalTest {
    interface Assistant {
        String answer(String question);
    }

    @TempDir
    Path dir;

    @Test
    void theRetrievedHandbookPassagesReachThePromptTheModelReceives() throws IOException {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start();
                LuceneStore lucene = LuceneStore.builder().path(dir.resolve("handbook")).dimension(MiniLm.DIMENSION).build()) {
            lucene.upsert(Handbook.chunks(MiniLm.model()));
            lucene.commit();
            Retriever hybrid = HybridRetriever.builder(lucene, MiniLm.model()).depth(10).build();
            server.enqueue(new ScriptedOpenAiServer.Json(200, ScriptedOpenAiServer.textCompletion(
                    "The upload went over the workspace quota.", "stop", 120, 9)));
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                            .modelName("gpt-4o-mini").maxRetries(0).timeout(Duration.ofSeconds(30)).build())
                    .contentRetriever(WeftContentRetriever.builder(hybrid).maxResults(2).build())
                    .build();

            String answer = assistant.answer("What does error 4471 mean?");

            assertThat(answer).isEqualTo("The upload went over the workspace quota.");
            JsonNode messages = server.lastRequest().get("messages");
            String prompt = messages.get(messages.size() - 1).get("content").stringValue();
            assertThat(prompt).startsWith("What does error 4471 mean?")
                    .contains(Handbook.passage("err-4471").text());
        }
    }

    @Test
    void contentCarriesTheChunkIdScoreAndMetadataAndFiltersApply() {
        try (LuceneStore lucene = LuceneStore.builder().path(dir.resolve("filtered")).dimension(MiniLm.DIMENSION).build()) {
            lucene.upsert(Handbook.chunks(MiniLm.model()));
            Retriever hybrid = HybridRetriever.builder(lucene, MiniLm.model()).depth(10).build();

            List<Content> contents = WeftContentRetriever.builder(hybrid).maxResults(3)
                    .dynamicFilter(query -> Filter.eq("topic", "security")).build()
                    .retrieve(Query.from("how do I rotate credentials?"));

            assertThat(contents).hasSize(3).allSatisfy(c -> {
                assertThat(c.textSegment().metadata().getString("topic")).isEqualTo("security");
                assertThat(c.metadata()).containsKeys(ContentMetadata.SCORE, ContentMetadata.EMBEDDING_ID);
            });
            assertThat(contents.getFirst().metadata().get(ContentMetadata.EMBEDDING_ID)).isEqualTo("keys-1");
            assertThat(contents.getFirst().textSegment().metadata().getLong("year")).isEqualTo(2024L);
        }
    }
}
