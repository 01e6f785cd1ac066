package dev.weft.rag.ingest;

import dev.weft.core.model.TokenCounter;

/**
 * A fast, deterministic {@link TokenCounter} for the bulk of the property tests: every run of non-whitespace
 * counts one token per four code points (rounded up), and every whitespace run holding a line break counts one
 * more. Like a real tokenizer it is not additive, in both directions: a word cut in two counts more than the
 * whole, and two paragraphs joined count more than the two apart (the line break between them).
 */
final class SyntheticTokenCounter implements TokenCounter {
    @Override
    public int count(String text) {
        int tokens = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c)) {
                boolean lineBreak = false;
                while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
                    lineBreak |= text.charAt(i) == '\n';
                    i += Character.charCount(text.codePointAt(i));
                }
                if (lineBreak && tokens > 0 && i < text.length()) {
                    tokens++;
                }
            } else {
                int codePoints = 0;
                while (i < text.length() && !Character.isWhitespace(text.codePointAt(i))) {
                    codePoints++;
                    i += Character.charCount(text.codePointAt(i));
                }
                tokens += (codePoints + 3) / 4;
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "SyntheticTokenCounter";
    }
}
