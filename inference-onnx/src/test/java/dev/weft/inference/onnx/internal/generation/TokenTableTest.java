package dev.weft.inference.onnx.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token table decodes ids to the text the Hugging Face tokenizer itself gives ({@code decode} with special
 * tokens skipped), for byte-level BPE (micro-lm's tokenizer) and for a SentencePiece-style tokenizer.
 */
class TokenTableTest {
    private static final int MICRO_LM_VOCAB = 1024;
    private static Path microLmTokenizer;
    private static HuggingFaceTokenizer reference;
    private static TokenTable table;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        microLmTokenizer = Path.of(TokenTableTest.class.getResource("/models/micro-lm/tokenizer.json").toURI());
        reference = HuggingFaceTokenizer.newInstance(microLmTokenizer, Map.of("addSpecialTokens", "false"));
        table = TokenTable.read(microLmTokenizer, MICRO_LM_VOCAB);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 100).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyIdSequenceDecodesAsTheTokenizerDecodesIt(long seed) {
        Random random = new Random(seed);
        long[] ids = random.longs(1 + random.nextInt(30), 0, MICRO_LM_VOCAB).toArray();
        assertThat(decode(table, ids)).as("seed %d: ids %s", seed, Arrays.toString(ids)).isEqualTo(reference.decode(ids, true));
    }

    @Test
    void specialTokensAreKnownAndLeftOutOfTheText() {
        assertThat(table.isSpecial(0)).as("<|endoftext|>").isTrue();
        assertThat(table.isSpecial(1)).as("<|pad|>").isTrue();
        assertThat(table.bytes(0)).isEmpty();
        assertThat(table.addedTokenId("<|endoftext|>")).hasValue(0);
        assertThat(table.addedTokens()).containsExactlyInAnyOrder("<|endoftext|>", "<|pad|>");
        assertThat(table.stripsLeadingSpace()).isFalse();
    }

    @Test
    void sentencePieceStyleTokensDecodeAsTheTokenizerDecodesThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, sentencePieceTokenizer());
        TokenTable sp = TokenTable.read(file, 270);
        assertThat(sp.stripsLeadingSpace()).isTrue();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "false"))) {
            Random random = new Random(7);
            for (int c = 0; c < 50; c++) {
                // Whole characters only: "▁a", "b", "é", and "€" spelled as its three byte-fallback tokens.
                long[][] pieces = {{260}, {261}, {262}, {3 + 0xE2, 3 + 0x82, 3 + 0xAC}};
                long[] ids = random.ints(1 + random.nextInt(8), 0, pieces.length)
                        .mapToObj(k -> pieces[k]).flatMapToLong(LongStream::of).toArray();
                String text = decode(sp, ids);
                assertThat(text.startsWith(" ") ? text.substring(1) : text)
                        .as("ids %s", Arrays.toString(ids)).isEqualTo(tokenizer.decode(ids, true));
            }
        }
    }

    @Test
    void aDecoderThatCannotBeDecodedTokenByTokenIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, """
                {"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "a": 1}}, "decoder": {"type": "WordPiece"}}""");
        assertThatThrownBy(() -> TokenTable.read(file, 2))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("WordPiece")
                .hasMessageContaining("ByteLevel");
    }

    /** What the token table gives for {@code ids}, decoded at once (lossily, as the tokenizer does). */
    private static String decode(TokenTable t, long[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (long id : ids) {
            bytes.writeBytes(t.bytes((int) id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A Llama-2-style tokenizer: byte fallback, "▁" for spaces, first space stripped. */
    private static String sentencePieceTokenizer() {
        StringBuilder vocab = new StringBuilder("\"<unk>\": 0, \"<s>\": 1, \"</s>\": 2");
        for (int b = 0; b < 256; b++) {
            vocab.append(String.format(", \"<0x%02X>\": %d", b, 3 + b));
        }
        vocab.append(", \"▁\": 259, \"▁a\": 260, \"b\": 261, \"é\": 262");
        return """
                {"version": "1.0", "truncation": null, "padding": null, "normalizer": null, "pre_tokenizer": null,
                 "post_processor": null,
                 "added_tokens": [%s, %s],
                 "model": {"type": "BPE", "dropout": null, "unk_token": "<unk>", "continuing_subword_prefix": null,
                   "end_of_word_suffix": null, "fuse_unk": true, "byte_fallback": true, "vocab": {%s}, "merges": []},
                 "decoder": {"type": "Sequence", "decoders": [
                   {"type": "Replace", "pattern": {"String": "▁"}, "content": " "},
                   {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]}}"""
                .formatted(special(1, "<s>"), special(2, "</s>"), vocab);
    }

    private static String special(int id, String content) {
        return """
                {"id": %d, "content": "%s", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false,
                 "special": true}""".formatted(id, content);
    }
}
