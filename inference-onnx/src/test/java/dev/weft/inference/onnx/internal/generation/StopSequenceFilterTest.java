package dev.weft.inference.onnx.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Text offered in arbitrary pieces comes out cut before the first stop sequence, which never shows. */
class StopSequenceFilterTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 300).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void outputIsTheTextBeforeTheEarliestStopSequence(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab c\n";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i >= 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        List<String> stops = new ArrayList<>();
        for (int s = random.nextInt(3); s >= 0; s--) {
            StringBuilder stop = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                stop.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            stops.add(stop.toString());
        }
        List<Integer> cuts = new ArrayList<>();
        for (int at = 0; at < text.length(); ) {
            int n = Math.min(text.length() - at, 1 + random.nextInt(4));
            at += n;
            cuts.add(at);
        }
        // The specification: generation stops after the first piece that completes a stop sequence, and the answer
        // is the text before the earliest stop sequence in the text so far.
        String expected = text.toString();
        boolean expectStop = false;
        for (int end : cuts) {
            String soFar = text.substring(0, end);
            int first = stops.stream().mapToInt(soFar::indexOf).filter(i -> i >= 0).min().orElse(-1);
            if (first >= 0) {
                expected = soFar.substring(0, first);
                expectStop = true;
                break;
            }
        }

        StopSequenceFilter filter = new StopSequenceFilter(stops);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int end : cuts) {
            out.append(filter.offer(text.substring(from, end)));
            assertThat(expected).as("seed %d, stops %s: released text is always answer", seed, stops).startsWith(out);
            from = end;
            if (filter.stopped()) {
                break;
            }
        }
        if (!filter.stopped()) {
            out.append(filter.flush());
        }
        assertThat(out.toString()).as("seed %d, text %s, stops %s, pieces ending at %s", seed, text, stops, cuts)
                .isEqualTo(expected);
        assertThat(filter.stopped()).isEqualTo(expectStop);
    }

    @Test
    void textThatMightStartAStopSequenceIsHeldBackUntilItIsDecided() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("END"));
        assertThat(filter.offer("done E")).isEqualTo("done ");
        assertThat(filter.offer("N")).isEmpty();
        assertThat(filter.offer("X")).isEqualTo("ENX");
        assertThat(filter.offer("EN")).isEmpty();
        assertThat(filter.offer("D and more")).isEmpty();
        assertThat(filter.stopped()).isTrue();
        assertThat(filter.flush()).isEmpty();
    }
}
