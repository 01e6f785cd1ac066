package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.TokenCounter;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splitters' guarantees with the real MiniLM word-piece counter, on a smaller set of generated documents than
 * {@link SplitterPropertyTest} (each count is a call into the tokenizer). Chunks must fit the budget as the
 * model's own tokenizer counts it.
 */
class MiniLmSplitterPropertyTest {
    private static TokenCounter counter;

    @BeforeAll
    static void loadModel() {
        counter = MiniLm.model().tokenCounter();
    }

    static Stream<Arguments> cases() {
        return IntStream.range(0, 30).mapToObj(seed -> {
            Random random = new Random(1_000 + seed);
            int size = 1 + random.nextInt(random.nextBoolean() ? 6 : 128);
            int overlap = random.nextInt(3) == 0 ? 0 : random.nextInt(size);
            return Arguments.of(seed, size, overlap, random.nextBoolean());
        });
    }

    @ParameterizedTest(name = "seed {0}: chunkSize {1}, overlap {2}, markdown headers {3}")
    @MethodSource("cases")
    void keepsEveryGuaranteeWithTheModelsTokenizer(int seed, int size, int overlap, boolean markdownHeaders) {
        String text = GeneratedText.generate(new Random(seed * 131L + 3), 60, false);
        Splitter splitter = (markdownHeaders ? Splitter.markdownHeaders() : Splitter.recursive())
                .tokenCounter(counter).chunkSize(size).overlap(overlap).build();
        Document doc = ChunkInvariants.document("minilm-" + seed + ".md", text);

        List<Chunk> chunks = splitter.split(doc);

        String context = "seed " + seed + " (size " + size + ", overlap " + overlap + ", " + splitter + ", MiniLM)";
        ChunkInvariants.check(context, doc, chunks, counter, size, overlap);
        assertThat(splitter.split(doc)).as(context + ": deterministic").isEqualTo(chunks);
    }
}
