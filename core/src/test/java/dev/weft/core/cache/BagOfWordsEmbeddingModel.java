package dev.weft.core.cache;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test double standing in for a sentence embedding model, which core's tests cannot load (core does not depend
 * on {@code weft-inference-onnx}): it embeds a text as a hashed bag of its words. A word is a case-sensitive run
 * of letters and digits; each adds ±1 to one of {@code dimension} buckets chosen by its hash (signed feature
 * hashing), and the vector is returned unnormalised. So texts with the same words in any order embed
 * identically, sharing words raises the cosine, and a text without words embeds to zeros. The semantic cache's
 * quality with a real model is measured by the Quora Question Pairs benchmark, not here.
 *
 * <p>Records every call and text, and fails on demand. Thread-safe.
 */
final class BagOfWordsEmbeddingModel implements EmbeddingModel {
    private final ModelInfo info;
    private final int dimension;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    BagOfWordsEmbeddingModel(int dimension) {
        this.dimension = dimension;
        this.info = ModelInfo.builder("bag-of-words-" + dimension, "test-double").capabilities(Capability.EMBEDDING).build();
    }

    BagOfWordsEmbeddingModel() {
        this(1024);
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
    public EmbeddingResponse embed(List<String> batch) {
        calls.incrementAndGet();
        RuntimeException f = failure.get();
        if (f != null) {
            throw f;
        }
        List<Embedding> out = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < batch.size(); i++) {
            String text = batch.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] must not be null or blank");
            }
            texts.add(text);
            List<String> words = words(text);
            float[] v = new float[dimension];
            for (String w : words) {
                int h = mix(w.hashCode());
                v[Math.floorMod(h, dimension)] += (mix(h) & 1) == 0 ? 1f : -1f;
            }
            tokens += words.size();
            out.add(new Embedding(v, words.size(), false));
        }
        return new EmbeddingResponse(out, new TokenUsage(tokens, 0));
    }

    /** The words of {@code text}, as this model sees them. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Every later call throws {@code f}; null to stop failing. */
    void failWith(RuntimeException f) {
        failure.set(f);
    }

    /** How many times {@code embed} was called. */
    int calls() {
        return calls.get();
    }

    /** The texts embedded, in order. */
    List<String> texts() {
        return List.copyOf(texts);
    }
}
