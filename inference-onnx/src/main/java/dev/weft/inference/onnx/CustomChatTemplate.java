package dev.weft.inference.onnx;

import dev.weft.core.chat.Message;
import dev.weft.core.internal.Preconditions;
import java.util.List;
import java.util.function.Function;

/** A {@link ChatTemplate} made of a name, end-of-turn markers and a rendering function. */
record CustomChatTemplate(String id, List<String> endOfTurn, Function<List<Message>, String> renderer)
        implements ChatTemplate {

    CustomChatTemplate {
        Preconditions.notBlank(id, "id");
        endOfTurn = Preconditions.immutableList(endOfTurn, "endOfTurn");
        for (String marker : endOfTurn) {
            Preconditions.notBlank(marker, "endOfTurn marker");
        }
        Preconditions.notNull(renderer, "render");
    }

    @Override
    public String render(List<Message> messages) {
        return renderer.apply(messages);
    }
}
