package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated literal block scalars: any Unicode text (blank lines inside, lines of spaces, trailing spaces, tabs and
 * {@code #} after the indentation), indented by any number of spaces, reads back exactly, with YAML's "clip"
 * chomping (one final line break).
 */
class BlockScalarPropertyTest {
    /** Characters that matter to the reader, drawn often so that every rule is exercised. */
    private static final int[] SPECIAL = {' ', ' ', '\t', '#', ':', '|', '>', '-', '"', '\'', '[', '{', '\\', 0x2028,
        0x00A0, 0x3000, 0x1F600, 0xFEFF};

    /** A block's value as lines (without line breaks), how it is written into a file, and the expected value. */
    record Block(List<String> lines, String written, String expected) {}

    static Stream<Arguments> blocks() {
        return Generated.cases(200, BlockScalarPropertyTest::block);
    }

    static Block block(Random random) {
        int indent = random.intRange(1, 8);
        List<String> lines = new ArrayList<>();
        int count = random.intRange(1, 8);
        for (int i = 0; i < count; i++) {
            lines.add(random.intRange(0, 3) == 0 ? "" : line(random));
        }
        lines.set(0, nonBlank(random) + lines.get(0));
        if (lines.getLast().isEmpty()) {
            lines.set(lines.size() - 1, nonBlank(random));
        }
        StringBuilder written = new StringBuilder();
        for (String line : lines) {
            written.append(line.isEmpty() ? " ".repeat(random.intRange(0, indent)) : " ".repeat(indent) + line).append('\n');
        }
        for (int i = random.intRange(0, 2); i > 0; i--) {
            written.append(" ".repeat(random.intRange(0, indent))).append('\n');
        }
        return new Block(lines, written.toString(), String.join("\n", lines) + "\n");
    }

    /** A line of any Unicode but line breaks, maybe with trailing spaces, maybe only spaces. */
    private static String line(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.intRange(0, 30); n > 0; n--) {
            int c = random.intRange(0, 4) == 0 ? SPECIAL[random.intRange(0, SPECIAL.length - 1)] : anyCodePoint(random);
            s.appendCodePoint(c);
        }
        s.append(" ".repeat(random.intRange(0, 2) == 0 ? random.intRange(1, 3) : 0));
        return s.toString();
    }

    /** One character that can start a block: not a blank, not a line break. */
    private static String nonBlank(Random random) {
        int c;
        do {
            c = anyCodePoint(random);
        } while (Character.isWhitespace(c) || c == ' ' || c == '\t');
        return Character.toString(c);
    }

    private static int anyCodePoint(Random random) {
        int c;
        do {
            c = random.intRange(0, 3) == 0 ? random.intRange(0x20, 0x7E) : random.intRange(1, Character.MAX_CODE_POINT);
        } while (c == '\n' || c == '\r' || Character.getType(c) == Character.SURROGATE);
        return c;
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void aLiteralBlockReadsBackExactly(Block block) {
        String file = "---\nid: b\nx-before: 1\ndescription: |\n" + block.written() + "x-after: 2\nversion: 1\n---\nbody\n";

        Prompt prompt = Prompt.parse("gen/b.prompt", file);

        assertThat(prompt.description()).as("file:%n%s", file).isEqualTo(block.expected());
        assertThat(prompt.metadata()).containsEntry("x-before", "1").containsEntry("x-after", "2");
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void aLiteralBlockAtTheEndOfTheFrontMatterReadsBackExactly(Block block) {
        String file = "---\nid: b\nversion: 1\nx-notes: |   # generated\n" + block.written() + "---\nbody\n";

        Prompt prompt = Prompt.parse("gen/b.prompt", file);

        assertThat(prompt.metadata().get("x-notes")).as("file:%n%s", file).isEqualTo(block.expected());
    }
}
