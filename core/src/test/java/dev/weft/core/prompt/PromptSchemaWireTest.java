package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.json.WeftJson;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.WireReply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A json_schema prompt sent through the OpenAI provider puts OpenAI's {@code response_format} on the wire. */
class PromptSchemaWireTest {

    @Test
    void theSchemaFileReachesTheWireAsResponseFormatJsonSchema() {
        Prompt prompt = PromptRegistry.fromClasspath("prompts-schema").get("support.answer");
        try (OpenAiWireServer server = OpenAiWireServer.start();
                OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").model("gpt-4o-mini")
                        .build()) {
            server.enqueue(WireReply.json(OpenAiWire.completion().content("{\"answer\": \"Because.\", \"confidence\": 0.9}")
                    .usage(40, 9).json()));

            String answer = model.chat(prompt.render(Map.of("product", "Weft", "question", "Why?"))).text();

            JsonNode format = server.lastRequest().json().get("response_format");
            assertThat(answer).isEqualTo("{\"answer\": \"Because.\", \"confidence\": 0.9}");
            assertThat(format.get("type").asString()).isEqualTo("json_schema");
            assertThat(format.get("json_schema").get("name").asString()).isEqualTo("support_answer");
            assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
            assertThat(format.get("json_schema").get("schema")).isEqualTo(WeftJson.parse(JsonSchemaPromptTest.ANSWER_SCHEMA, "schema"));
            assertThat(server.lastRequest().json().get("temperature").asDouble()).isEqualTo(0.2);
        }
    }
}
