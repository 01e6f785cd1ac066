package dev.weft.inference.onnx;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.Message;
import dev.weft.core.internal.Preconditions;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns a conversation into the prompt text a local model was trained on, ending where the assistant's answer
 * begins. ChatML, Llama 3, Phi-3 and plain completion are built in; any other format is a function over the
 * messages. The rendered text is tokenized with the model's special tokens recognised, so markers such as
 * {@code <|im_start|>} become single tokens. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * ChatTemplate alpaca = ChatTemplate.of("alpaca", List.of(), messages ->
 *     "### Instruction:\n" + ((UserMessage) messages.getLast()).text() + "\n\n### Response:\n");
 * OnnxChatModel model = OnnxChatModel.builder().directory(dir).chatTemplate(alpaca).build();
 * }</pre>
 *
 * <p>The template's {@link #id()} appears in the model's {@code ModelInfo} attributes as {@code chat.template},
 * and so in traces. Message text is inserted as written: a user who types a special-token marker gets that token,
 * as with Hugging Face's own templates.
 */
@FunctionalInterface
public interface ChatTemplate {

    /** The prompt for {@code messages} (never empty), ending where the assistant's next answer starts. */
    String render(List<Message> messages);

    /** A short name for traces and {@code ModelInfo}; {@code custom} unless the template says otherwise. */
    default String id() {
        return "custom";
    }

    /**
     * Markers that end the assistant's turn in this format, such as {@code <|im_end|>}: generation stops at them
     * (as a token when the tokenizer has it, else as text) and they are not part of the answer.
     */
    default List<String> endOfTurn() {
        return List.of();
    }

    /** ChatML ({@code <|im_start|>role ... <|im_end|>}): Qwen, SmolLM, many fine-tunes. */
    static ChatTemplate chatMl() {
        return BuiltInChatTemplate.CHATML;
    }

    /** Llama 3 ({@code <|start_header_id|>role<|end_header_id|> ... <|eot_id|>}). */
    static ChatTemplate llama3() {
        return BuiltInChatTemplate.LLAMA3;
    }

    /** Phi-3 ({@code <|user|> ... <|end|>}). */
    static ChatTemplate phi3() {
        return BuiltInChatTemplate.PHI3;
    }

    /**
     * No chat format: the messages' texts joined by blank lines, which the model continues. For base models that
     * were never tuned to chat; a single user message is the prompt exactly as written.
     */
    static ChatTemplate plainCompletion() {
        return BuiltInChatTemplate.PLAIN;
    }

    /**
     * A template named {@code id} that ends the assistant's turn at {@code endOfTurn} and renders with
     * {@code render}.
     *
     * @throws InvalidInputException if an argument is null or blank
     */
    static ChatTemplate of(String id, List<String> endOfTurn, Function<List<Message>, String> render) {
        return new CustomChatTemplate(id, endOfTurn, render);
    }

    /**
     * The built-in template called {@code id}: {@code chatml}, {@code llama3}, {@code phi3} or {@code plain}
     * (case-insensitive).
     *
     * @throws InvalidInputException naming the built-in ids
     */
    static ChatTemplate builtIn(String id) {
        String key = Preconditions.notBlank(id, "id").trim().toLowerCase(Locale.ROOT);
        for (BuiltInChatTemplate t : BuiltInChatTemplate.values()) {
            if (t.id().equals(key)) {
                return t;
            }
        }
        throw new InvalidInputException("No built-in chat template '" + id + "'; use one of "
                + BuiltInChatTemplate.ids() + ", or ChatTemplate.of(...) for another format");
    }
}
