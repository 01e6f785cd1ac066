package dev.weft.inference.onnx.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes fed in arbitrary pieces come out as whole characters, and as a lossy decoder decodes them all at once. */
class Utf8AccumulatorTest {
    private static final String[] PIECES = {"a", "Z", " ", "é", "ß", "Ω", "日", "本", "€", "😀", "🎉", "𝄞", "\n"};

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void validTextSplitAnywhereComesOutWholeAndUnchanged(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(30); i >= 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Utf8Accumulator utf8 = new Utf8Accumulator();
        StringBuilder out = new StringBuilder();
        for (byte[] piece : split(bytes, random)) {
            utf8.append(piece);
            String drained = utf8.drainComplete();
            assertThat(out.toString() + drained).as("seed %d: every drained piece ends on a character boundary", seed)
                    .isEqualTo(text.substring(0, out.length() + drained.length()));
            out.append(drained);
        }
        assertThat(utf8.drainAll()).as("seed %d: nothing held back at the end", seed).isEmpty();
        assertThat(out.toString()).isEqualTo(text.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryBytesDecodeAsALossyDecoderDecodesThemWhole(long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = random.nextInt(40); i >= 0; i--) {
            // Mostly well-formed characters, with stray lead, continuation and never-valid bytes mixed in.
            if (random.nextInt(4) == 0) {
                all.write(new int[] {0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xE6, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F}[random.nextInt(13)]);
            } else {
                all.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = all.toByteArray();
        Utf8Accumulator utf8 = new Utf8Accumulator();
        StringBuilder out = new StringBuilder();
        for (byte[] piece : split(bytes, random)) {
            utf8.append(piece);
            out.append(utf8.drainComplete());
        }
        out.append(utf8.drainAll());
        assertThat(out.toString()).as("seed %d: bytes %s", seed, Arrays.toString(bytes))
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void anIncompleteCharacterIsHeldBackUntilItsLastByte() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
        Utf8Accumulator utf8 = new Utf8Accumulator();
        utf8.append(new byte[] {'x', euro[0]});
        assertThat(utf8.drainComplete()).isEqualTo("x");
        utf8.append(new byte[] {euro[1]});
        assertThat(utf8.drainComplete()).isEmpty();
        utf8.append(new byte[] {euro[2], 'y'});
        assertThat(utf8.drainComplete()).isEqualTo("€y");
    }

    @Test
    void anIncompleteCharacterAtTheEndBecomesOneReplacementCharacter() {
        Utf8Accumulator utf8 = new Utf8Accumulator();
        utf8.append(new byte[] {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98});
        assertThat(utf8.drainComplete()).isEqualTo("a");
        assertThat(utf8.drainAll()).isEqualTo("\uFFFD");
    }

    @Test
    void bytesThatCanNeverBeValidAreReplacedAtOnce() {
        Utf8Accumulator utf8 = new Utf8Accumulator();
        utf8.append(new byte[] {(byte) 0xE0, (byte) 0x80}); // E0 must be followed by A0..BF
        assertThat(utf8.drainComplete()).isEqualTo("\uFFFD\uFFFD");
    }

    /** {@code bytes} cut at random points into pieces of 0 to 4 bytes. */
    private static byte[][] split(byte[] bytes, Random random) {
        java.util.List<byte[]> pieces = new java.util.ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, random.nextInt(5));
            pieces.add(Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return pieces.toArray(byte[][]::new);
    }
}
