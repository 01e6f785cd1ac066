package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.Embedding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text longer than the maximum is embedded from its first 256 tokens (the model's default), not from the 128
 * that the bundled tokenizer.json asks for, and is flagged.
 *
 * <p>The texts are built from common English words that are one word piece each, so that the token positions of
 * every word are known. The test checks that premise through the model's own token counts ({@code words + 2} for
 * [CLS] and [SEP]). Then:
 * <ul>
 *   <li>{@code head} (126 nature words) + {@code middle} (128 finance words) is exactly 256 tokens, not truncated;
 *   <li>{@code head + middle + tail} (306 tokens) is flagged truncated at 256 tokens and its vector equals that of
 *       {@code head + middle}, whatever the tail: nothing past token 256 counts, everything before does;
 *   <li>LangChain4j, which inherits the file's 128-token truncation, reads only {@code head}: its vector of the
 *       long text equals ours of {@code head} alone, and differs clearly from ours of the long text, because the
 *       finance words in positions 128-255 pull our mean-pooled vector away.
 * </ul>
 */
class TruncationTest {
    private static final List<String> NATURE = List.of("tree", "river", "bird", "green", "forest", "rain", "flower",
            "mountain", "leaf", "sun", "grass", "stone", "lake", "wind", "sky");
    private static final List<String> FINANCE = List.of("bank", "money", "market", "price", "stock", "tax", "loan",
            "cost", "trade", "cash", "debt", "fund", "credit", "income", "budget");
    private static final List<String> SPORT = List.of("football", "goal", "team", "match", "player", "ball", "coach");
    private static final List<String> FOOD = List.of("bread", "cheese", "soup", "apple", "rice", "cake", "milk");

    @Test
    void longTextIsCutAt256TokensAndFlagged() {
        OnnxEmbeddingModel model = SharedModels.miniLm();
        String head = words(NATURE, 126);
        String middle = words(FINANCE, 128);
        String exact = head + " " + middle;
        String longText = exact + " " + words(SPORT, 50);
        String otherTail = exact + " " + words(FOOD, 50);

        List<Embedding> e = model.embed(List.of(head, exact, longText, otherTail)).embeddings();
        Embedding headOnly = e.get(0);
        Embedding exact256 = e.get(1);
        Embedding cut = e.get(2);
        Embedding cutOtherTail = e.get(3);

        // The premise: one token per word.
        assertThat(headOnly.tokenCount()).isEqualTo(128);
        assertThat(exact256.tokenCount()).isEqualTo(256);
        assertThat(exact256.truncated()).isFalse();

        assertThat(cut.truncated()).isTrue();
        assertThat(cut.tokenCount()).isEqualTo(256);
        assertThat(cut.cosine(exact256)).isGreaterThanOrEqualTo(0.99999);
        assertThat(cutOtherTail.cosine(exact256)).isGreaterThanOrEqualTo(0.99999);

        Embedding langChain4j = SharedModels.langChain4j(SharedModels.langChain4jMiniLm(), longText);
        assertThat(langChain4j.cosine(headOnly)).as("LangChain4j reads the first 128 tokens").isGreaterThanOrEqualTo(0.9999);
        assertThat(cut.cosine(langChain4j)).as("we read past token 128").isLessThan(0.95);
    }

    @Test
    void aLowerMaximumCutsThereAndSaysSo() {
        try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder()
                .bundled(BundledModel.ALL_MINILM_L6_V2_Q).maxSequenceLength(16).build()) {
            Embedding e = model.embed(words(NATURE, 40));
            assertThat(e.truncated()).isTrue();
            assertThat(e.tokenCount()).isEqualTo(16);
            Embedding fits = model.embed(words(NATURE, 14));
            assertThat(fits.truncated()).isFalse();
            assertThat(fits.tokenCount()).isEqualTo(16);
            assertThat(model.info().contextWindow()).isEqualTo(16);
        }
    }

    /** {@code count} words cycling through {@code vocabulary}. */
    static String words(List<String> vocabulary, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(vocabulary.get(i % vocabulary.size()));
        }
        return String.join(" ", out);
    }
}
