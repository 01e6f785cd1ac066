package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.json.WeftJson;
import org.junit.jupiter.api.Test;

/** The edges of streamed tool-call assembly that real servers produce. */
class ToolCallAssemblerTest {
    private final ToolCallAssembler assembler = new ToolCallAssembler();

    private ChatDelta.ToolCallChunk accept(String element) {
        return assembler.accept(WeftJson.parse(element, "element"), element);
    }

    @Test
    void aReusedIndexWithANewIdStartsAnotherCall() {
        accept("{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}");
        ChatDelta.ToolCallChunk second = accept("{\"index\":0,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}");

        assertThat(second.index()).isEqualTo(1);
        assertThat(assembler.complete()).containsExactly(new ToolCall("a", "f", "{}"), new ToolCall("b", "g", "{}"));
    }

    @Test
    void indexesNeedNotStartAtZeroAndOrderFollowsThem() {
        accept("{\"index\":3,\"id\":\"late\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}");
        accept("{\"index\":1,\"id\":\"early\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}");

        assertThat(assembler.complete()).extracting(ToolCall::id).containsExactly("early", "late");
    }

    @Test
    void fragmentsThatAddNothingProduceNoDelta() {
        accept("{\"index\":0,\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}");

        assertThat(accept("{\"index\":0,\"function\":{\"arguments\":\"\"}}")).isNull();
        assertThat(accept("{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\"}}")).as("repeated id and name").isNull();
    }

    @Test
    void malformedElementsAreRefusedWithTheChunk() {
        assertThat(catchThrowable(() -> accept("{\"index\":-1}"))).isInstanceOf(InvalidModelResponseException.class)
                .hasMessageContaining("index");
        assertThat(catchThrowable(() -> accept("{\"index\":0,\"function\":\"f\"}"))).isInstanceOf(InvalidModelResponseException.class)
                .hasMessageContaining("'function'");
        assertThat(catchThrowable(() -> accept("[]"))).isInstanceOf(InvalidModelResponseException.class);
    }
}
