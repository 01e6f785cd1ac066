package dev.weft.rag.ingest;

import java.util.Random;

/**
 * Texts for property tests, drawn from a seeded {@link Random}: words and sentences, CJK, emoji (surrogate pairs and
 * ZWJ sequences), combining marks, control characters, every kind of whitespace and line break, runs of newlines,
 * Markdown headers and code fences, very long words, and (optionally) code points from anywhere in Unicode
 * including lone surrogates. Empty and whitespace-only texts come up too.
 */
final class GeneratedText {
    private static final String[] WORDS = {"the", "cat", "sat", "on", "a", "mat", "tokenization", "retrieval", "über",
        "naïve", "café", "x", "I", "state-of-the-art", "e.g.", "3.14", "http://example.com/a?b=c", "don't", "(brackets)"};
    private static final String[] EMOJI = {"😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "🧪"};
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n",
        "\u00A0", "\u2029", "\u2028", " \n \n ", "\u3000", "\u000B"};

    private GeneratedText() {}

    static String generate(Random random, int maxPieces, boolean anyCodePoint) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            StringBuilder blank = new StringBuilder();
            for (int i = random.nextInt(30); i >= 0; i--) {
                blank.append(SPACES[random.nextInt(SPACES.length)]);
            }
            return blank.toString();
        }
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < pieces; i++) {
            sb.append(piece(random, anyCodePoint));
            sb.append(SPACES[random.nextInt(SPACES.length)]);
        }
        return sb.toString();
    }

    private static String piece(Random random, boolean anyCodePoint) {
        int kind = random.nextInt(100);
        if (kind < 45) {
            return WORDS[random.nextInt(WORDS.length)];
        } else if (kind < 55) {
            return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "." : random.nextBoolean() ? "?" : "!");
        } else if (kind < 62) {
            return cjk(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 12)) + (random.nextBoolean() ? "。" : "");
        } else if (kind < 67) {
            return EMOJI[random.nextInt(EMOJI.length)];
        } else if (kind < 71) {
            return "e\u0301" + "a\u0308\u0323" + (random.nextBoolean() ? "n\u0303" : "");
        } else if (kind < 74) {
            return String.valueOf((char) random.nextInt(0x20)) + (char) (0x7F + random.nextInt(0x21));
        } else if (kind < 78) {
            return longWord(random, 20 + random.nextInt(random.nextInt(5) == 0 ? 3000 : 300));
        } else if (kind < 82) {
            return "\n" + "#".repeat(1 + random.nextInt(7)) + (random.nextInt(5) == 0 ? "" : " ") + "Header " + random.nextInt(100) + "\n";
        } else if (kind < 84) {
            return "\n```\n# not a header\ncode()\n```\n";
        } else if (kind < 86) {
            return "\n".repeat(3 + random.nextInt(40));
        } else if (kind < 94 || !anyCodePoint) {
            return WORDS[random.nextInt(WORDS.length)] + ",";
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 1 + random.nextInt(8); i > 0; i--) {
                int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
                sb.appendCodePoint(cp); // includes lone surrogates, private use, unassigned
            }
            return sb.toString();
        }
    }

    private static String cjk(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        return sb.toString();
    }

    private static String longWord(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(40);
            if (r == 0) {
                sb.append("😀");
            } else if (r == 1) {
                sb.append("e\u0301");
            } else {
                sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
