package dev.weft.core.testing;

import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.spi.ModelProvider;
import dev.weft.core.spi.ModelRef;

/**
 * A test double registered through {@code META-INF/services}: the provider of scheme {@code scripted}. It
 * offers chat ({@link ScriptedChatModel} named after the reference) and embedding models
 * ({@link ScriptedEmbeddingModel}, dimension from the {@code dimension} parameter, 4 by default), and nothing
 * else, so the other capabilities keep the SPI's default refusal.
 */
public final class ScriptedModelProvider implements ModelProvider {

    @Override
    public String scheme() {
        return "scripted";
    }

    @Override
    public ChatModel chat(ModelRef ref) {
        ScriptedChatModel model = ScriptedChatModel.named(ref.name());
        ref.param("answer").ifPresent(model::thenAnswer);
        return model;
    }

    @Override
    public EmbeddingModel embedding(ModelRef ref) {
        return new ScriptedEmbeddingModel(ref.name(), Integer.parseInt(ref.param("dimension").orElse("4")));
    }
}
