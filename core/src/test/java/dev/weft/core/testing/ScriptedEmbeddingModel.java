package dev.weft.core.testing;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** A test double: an {@link EmbeddingModel} whose vectors are a deterministic function of the text. */
public final class ScriptedEmbeddingModel implements EmbeddingModel {
    private final ModelInfo info;
    private final int dimension;

    public ScriptedEmbeddingModel(String id, int dimension) {
        this.info = ModelInfo.builder(id, "scripted").capabilities(Capability.EMBEDDING)
                .attribute("dimension", Integer.toString(dimension)).build();
        this.dimension = dimension;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public EmbeddingResponse embed(List<String> texts) {
        List<Embedding> out = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] must not be null or blank");
            }
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = (t.hashCode() >>> d & 1) == 0 ? -1f : 1f;
            }
            int count = t.split("\\s+").length;
            tokens += count;
            out.add(new Embedding(v, count, false));
        }
        return new EmbeddingResponse(out, new TokenUsage(tokens, 0));
    }
}
