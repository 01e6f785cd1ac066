package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.TokenCounter;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splitters' guarantees over generated documents, with a fast synthetic token counter. Each case is drawn from
 * its seed; a failure names the seed, and {@code cases()} rebuilds it.
 */
class SplitterPropertyTest {
    private static final TokenCounter COUNTER = new SyntheticTokenCounter();

    static Stream<Arguments> cases() {
        return IntStream.range(0, 400).mapToObj(seed -> {
            Random random = new Random(seed);
            int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 120);
            int overlap = random.nextInt(3) == 0 ? 0 : random.nextInt(size);
            return Arguments.of(seed, size, overlap, random.nextBoolean());
        });
    }

    @ParameterizedTest(name = "seed {0}: chunkSize {1}, overlap {2}, markdown headers {3}")
    @MethodSource("cases")
    void keepsEveryGuarantee(int seed, int size, int overlap, boolean markdownHeaders) {
        String text = GeneratedText.generate(new Random(seed * 31L + 7), 120, true);
        Splitter splitter = (markdownHeaders ? Splitter.markdownHeaders() : Splitter.recursive())
                .tokenCounter(COUNTER).chunkSize(size).overlap(overlap).build();
        Document doc = ChunkInvariants.document("doc-" + seed + ".md", text);

        List<Chunk> chunks = splitter.split(doc);

        String context = "seed " + seed + " (size " + size + ", overlap " + overlap + ", " + splitter + ")";
        ChunkInvariants.check(context, doc, chunks, COUNTER, size, overlap);
        assertThat(splitter.split(doc)).as(context + ": deterministic").isEqualTo(chunks);
    }
}
