package dev.weft.inference.onnx.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.ModelLoadException;
import dev.weft.core.model.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The model's tokenizer set up for counting: no special tokens, no truncation, no padding, so that a count is the
 * number of word pieces the text really has. Thread-safe; {@link #close()} must not race with {@link #count}.
 */
final class CountingTokenizer implements TokenCounter, AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private CountingTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static CountingTokenizer load(ModelSource source) {
        DjlDefaults.apply();
        Map<String, String> options = Map.of(
                "addSpecialTokens", "false",
                "withOverflowingTokens", "false",
                "truncation", "false",
                "padding", "false");
        try (InputStream json = source.openTokenizer()) {
            return new CountingTokenizer(HuggingFaceTokenizer.newInstance(json, options));
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new ModelLoadException("Cannot load the tokenizer " + source.tokenizerLocation() + " for counting: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
