package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChatRequest}: at least one message, unique tool names, defaults for the rest, immutable. */
class ChatRequestValidationTest {

    @Test
    void needsAtLeastOneMessage() {
        assertThatThrownBy(() -> ChatRequest.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one message");
        assertThatThrownBy(() -> new ChatRequest(null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one message");
    }

    @Test
    void toolNamesMustBeUnique() {
        ToolSpec a = ToolSpec.of("search", "one", "{}");
        ToolSpec b = ToolSpec.of("search", "two", "{}");
        assertThatThrownBy(() -> ChatRequest.builder().user("q").tool(a).tool(b).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tool names must be unique");
    }

    @Test
    void nullElementsAreRefusedWithTheirIndex() {
        assertThatThrownBy(() -> new ChatRequest(Arrays.asList(Message.user("a"), null), null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("messages[1] must not be null");
        assertThatThrownBy(() -> ChatRequest.builder().message(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("message must not be null");
        assertThatThrownBy(() -> ChatRequest.builder().user(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("text must not be null");
    }

    @Test
    void defaultsFillWhatIsLeftOut() {
        ChatRequest r = new ChatRequest(List.of(Message.user("q")), null, null, null, null);
        assertThat(r.tools()).isEmpty();
        assertThat(r.responseFormat()).isEqualTo(ResponseFormat.TEXT);
        assertThat(r.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(r.context()).isEqualTo(RequestContext.EMPTY);
        assertThat(r).isEqualTo(ChatRequest.of("q"));
    }

    @Test
    void messagesAreAnImmutableCopy() {
        List<Message> messages = new ArrayList<>(List.of(Message.user("q")));
        ChatRequest r = new ChatRequest(messages, null, null, null, null);
        messages.add(Message.user("later"));
        assertThat(r.messages()).hasSize(1);
        assertThatThrownBy(() -> r.messages().add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void derivedCopiesChangeOnlyWhatTheySay() {
        ChatRequest r = ChatRequest.builder().system("s").user("u1").assistant("a").user("u2")
                .tool(ToolSpec.of("t", "", "{}")).responseFormat(ResponseFormat.JSON).build();
        assertThat(r.lastUserText()).isEqualTo("u2");
        assertThat(r.toBuilder().build()).isEqualTo(r);
        Sampling s = Sampling.builder().temperature(0.0).build();
        assertThat(r.withSampling(s)).isEqualTo(r.toBuilder().sampling(s).build());
        RequestContext c = RequestContext.builder().userId("u").attribute("k", "v").build();
        assertThat(r.withContext(c).context().attributes()).containsEntry("k", "v");
        assertThat(ChatRequest.builder().system("only").build().lastUserText()).isEmpty();
    }

    @Test
    void jsonSchemaFormatNeedsANameAndAnObject() {
        assertThat(ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}")).isInstanceOf(ResponseFormat.JsonSchema.class);
        assertThatThrownBy(() -> ResponseFormat.jsonSchema("answer", "[1]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("schema 'answer' must be a JSON object");
        assertThatThrownBy(() -> ResponseFormat.jsonSchema(" ", "{}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name must not be null or blank");
        assertThatThrownBy(() -> ResponseFormat.jsonSchema("answer", "{oops"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("response format schema 'answer' is not valid JSON");
    }
}
