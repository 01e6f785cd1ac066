package dev.weft.inference.onnx.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A DJL HuggingFace tokenizer whose truncation and padding are set here, never inherited from
 * {@code tokenizer.json} (LangChain4j's MiniLM files, for one, truncate at 128 and pad to a fixed 128):
 * truncation at the configured maximum length with no stride, no padding (batches are padded to their own
 * longest member). A text longer than the maximum is reported through {@link TokenizedText#truncated()}, read from
 * the encoding's overflow ({@link Encoding#exceedMaxLength()}). Thread-safe: the native tokenizer is immutable
 * once built and encodes concurrently; {@link #close()} must not race with {@link #encode} (the caller guards it).
 */
final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads the tokenizer of {@code source}, truncating at {@code maxLength} tokens, special tokens included. */
    static TextTokenizer load(ModelSource source, int maxLength) {
        DjlDefaults.apply();
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "withOverflowingTokens", "false",
                "truncation", "true", // LONGEST_FIRST, at maxLength, cutting the end of the text
                "maxLength", Integer.toString(maxLength),
                "modelMaxLength", Integer.toString(maxLength), // else DJL caps maxLength at 512 with a warning
                "stride", "0",
                "padding", "false",
                "padToMultipleOf", "0");
        HuggingFaceTokenizer tokenizer;
        try (InputStream json = source.openTokenizer()) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, options);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new ModelLoadException("Cannot load the tokenizer " + source.tokenizerLocation() + ": " + e.getMessage()
                    + ". DJL unpacks its native tokenizer library under ~/.djl.ai/tokenizers (or $DJL_CACHE_DIR/tokenizers); "
                    + "that directory must be writable.", e);
        }
        if (!"LONGEST_FIRST".equals(tokenizer.getTruncation()) || !"DO_NOT_PAD".equals(tokenizer.getPadding())
                || tokenizer.getMaxLength() != maxLength) {
            String actual = tokenizer.getTruncation() + "/" + tokenizer.getPadding() + "/" + tokenizer.getMaxLength();
            tokenizer.close();
            throw new ModelLoadException("The tokenizer " + source.tokenizerLocation() + " did not take Weft's settings "
                    + "(truncation/padding/maxLength = " + actual + ", expected LONGEST_FIRST/DO_NOT_PAD/" + maxLength + ")");
        }
        return new TextTokenizer(tokenizer);
    }

    /** Encodes {@code texts}, none null. */
    TokenizedText[] encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
        TokenizedText[] result = new TokenizedText[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            Encoding e = encodings[i];
            result[i] = new TokenizedText(e.getIds(), e.getTypeIds(), e.exceedMaxLength());
        }
        return result;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
