package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weft's all-MiniLM-L6-v2 gives LangChain4j's vectors on texts both read whole (under 128 tokens). */
class LangChain4jParityTest {
    static final List<String> TEXTS = List.of(
            "The cat sat on the mat.",
            "A kitten is sleeping on the rug.",
            "Stock markets fell sharply on Monday after the central bank raised interest rates.",
            "hello",
            "HELLO WORLD!!!",
            "What is the capital of France?",
            "Paris is the capital and most populous city of France.",
            "Café au lait, naïve résumé, jalapeño, Ångström.",
            "東京は日本の首都です。",
            "Emoji are tokens too 🙂🚀👍",
            "1234567890 3.14159 2.71828 -42 1e10",
            "user@example.com visited https://example.org/path?q=onnx&lang=java",
            "def embed(texts): return [model(t) for t in texts]",
            "   leading and trailing whitespace   ",
            "Tab\tseparated\tvalues\nand\nnew lines",
            "The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog again and again.",
            "Embeddings map text to vectors so that similar meanings lie close together in a high-dimensional space, "
                    + "which makes semantic search, clustering and retrieval-augmented generation possible without "
                    + "keyword overlap between the query and the document.",
            "Ein Satz auf Deutsch über Maschinelles Lernen.",
            "¿Dónde está la biblioteca?",
            "x");

    @Test
    void vectorsEqualLangChain4jsOnTextsReadWhole() {
        EmbeddingResponse ours = SharedModels.miniLm().embed(TEXTS);

        assertThat(ours.embeddings()).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            Embedding mine = ours.embeddings().get(i);
            Embedding theirs = SharedModels.langChain4j(SharedModels.langChain4jMiniLm(), TEXTS.get(i));
            assertThat(mine.truncated()).as("texts[%d] truncated", i).isFalse();
            assertThat(mine.tokenCount()).as("texts[%d] tokens", i).isBetween(3, 127);
            assertThat(mine.cosine(theirs)).as("cosine with LangChain4j for texts[%d] %s", i, TEXTS.get(i))
                    .isGreaterThanOrEqualTo(0.9999);
        }
        assertThat(ours.usage().inputTokens())
                .isEqualTo(ours.embeddings().stream().mapToLong(Embedding::tokenCount).sum());
        assertThat(ours.truncatedCount()).isZero();
    }
}
