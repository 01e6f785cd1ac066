package dev.weft.inference.onnx;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.UserMessage;
import java.util.Arrays;
import java.util.List;

/** The chat formats Weft knows, written as their models' own Jinja templates render them. */
enum BuiltInChatTemplate implements ChatTemplate {
    CHATML("chatml", List.of("<|im_end|>")) {
        @Override
        public String render(List<Message> messages) {
            StringBuilder sb = new StringBuilder();
            for (Message m : messages) {
                sb.append("<|im_start|>").append(role(m, "tool")).append('\n').append(text(m)).append("<|im_end|>\n");
            }
            return sb.append("<|im_start|>assistant\n").toString();
        }
    },
    LLAMA3("llama3", List.of("<|eot_id|>", "<|end_of_text|>")) {
        @Override
        public String render(List<Message> messages) {
            StringBuilder sb = new StringBuilder("<|begin_of_text|>");
            for (Message m : messages) {
                sb.append("<|start_header_id|>").append(role(m, "ipython")).append("<|end_header_id|>\n\n")
                        .append(text(m).strip()).append("<|eot_id|>");
            }
            return sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
        }
    },
    PHI3("phi3", List.of("<|end|>", "<|endoftext|>")) {
        @Override
        public String render(List<Message> messages) {
            StringBuilder sb = new StringBuilder();
            for (Message m : messages) {
                sb.append("<|").append(role(m, "user")).append("|>\n").append(text(m)).append("<|end|>\n");
            }
            return sb.append("<|assistant|>\n").toString();
        }
    },
    PLAIN("plain", List.of()) {
        @Override
        public String render(List<Message> messages) {
            StringBuilder sb = new StringBuilder();
            for (Message m : messages) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(text(m));
            }
            return sb.toString();
        }
    };

    private final String id;
    private final List<String> endOfTurn;

    BuiltInChatTemplate(String id, List<String> endOfTurn) {
        this.id = id;
        this.endOfTurn = endOfTurn;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> endOfTurn() {
        return endOfTurn;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(BuiltInChatTemplate::id).toList();
    }

    /** The role's name in the format; tool results are named {@code toolRole}. */
    static String role(Message m, String toolRole) {
        return switch (m) {
            case SystemMessage s -> "system";
            case UserMessage u -> "user";
            case AssistantMessage a -> "assistant";
            case ToolResultMessage t -> toolRole;
        };
    }

    static String text(Message m) {
        return switch (m) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.text();
            case AssistantMessage a -> a.text();
            case ToolResultMessage t -> t.content();
        };
    }
}
