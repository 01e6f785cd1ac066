package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the estimate before a call counts: every message's text (4 tokens more per message), tool calls and results,
 * each tool's name, description and schema, a response schema; output is {@code maxTokens} or the default.
 */
class BudgetsEstimateTest {
    /** One "token" per character, so that the expected figures are lengths. */
    private static final TokenCounter CHARS = String::length;

    @Test
    void countsEveryKindOfMessageWithItsOverhead() {
        ChatRequest request = ChatRequest.builder()
                .system("terse")                                                             // 5
                .user("abcd")                                                                // 4
                .message(new AssistantMessage("ok", List.of(new ToolCall("c1", "clock", "{}")))) // 2 + 5 + 2
                .message(new ToolResultMessage("c1", "clock", "noon", false))                // 4
                .sampling(Sampling.builder().maxTokens(7).build())
                .build();
        Budgets budgets = Budgets.builder().tokenCounter(CHARS).build();
        assertThat(budgets.estimateUsage(request)).isEqualTo(new TokenUsage(5 + 4 + 9 + 4 + 4 * 4, 7));
    }

    @Test
    void countsToolsAndAResponseSchema() {
        String schema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
        ChatRequest request = ChatRequest.builder()
                .user("x")
                .tool(ToolSpec.of("weather", "Current weather", schema))
                .responseFormat(ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}"))
                .build();
        Budgets budgets = Budgets.builder().tokenCounter(CHARS).defaultOutputTokens(300).build();
        long tool = "weather".length() + "Current weather".length() + schema.length();
        long format = "answer".length() + "{\"type\":\"object\"}".length();
        TokenUsage expected = new TokenUsage(1 + 4 + tool + format, 300);
        assertThat(budgets.estimateUsage(request)).isEqualTo(expected);
        assertThat(budgets.estimateUsage(request)).as("counted again from the cache").isEqualTo(expected);
    }

    @Test
    void theDefaultCounterIsFourCharactersATokenRoundedUpAndTheDefaultOutputIs1024() {
        Budgets budgets = Budgets.builder().build();
        assertThat(budgets.estimateUsage(ChatRequest.of("abcde"))).isEqualTo(new TokenUsage(2 + 4, 1024));
        assertThat(budgets.estimateUsage(ChatRequest.of(""))).isEqualTo(new TokenUsage(4, 1024));
    }
}
