package dev.weft.inference.onnx.internal.generation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects the bytes of generated tokens and hands out text only up to the last complete UTF-8 character, so a
 * character whose bytes are spread over several tokens is never split. Bytes that can never become valid UTF-8
 * are replaced by U+FFFD right away, one per maximal invalid sequence, as a lossy UTF-8 decoder does; a trailing
 * sequence that is incomplete but could still become valid is held back until the next token, or until
 * {@link #drainAll()}. Not thread-safe.
 */
final class Utf8Accumulator {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[16];
    private int length;

    /** Adds the bytes of one token. */
    void append(byte[] bytes) {
        if (length + bytes.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, pending, length, bytes.length);
        length += bytes.length;
    }

    /** The text of every complete character added since the last drain; may be empty. */
    String drainComplete() {
        return drain(length - incompleteTail());
    }

    /** The text of everything added since the last drain, an incomplete last character as U+FFFD. */
    String drainAll() {
        return drain(length);
    }

    private String drain(int count) {
        if (count == 0) {
            return "";
        }
        String text;
        try {
            decoder.reset();
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(pending, 0, count));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
        System.arraycopy(pending, count, pending, 0, length - count);
        length -= count;
        return text;
    }

    /**
     * The length of the trailing bytes that begin a character without completing it and could still become valid
     * (the second-byte limits of Unicode's table 3-7 included); 0 when the bytes end on a character boundary.
     */
    private int incompleteTail() {
        for (int i = length - 1; i >= Math.max(0, length - 3); i--) {
            int b = pending[i] & 0xFF;
            if (b >= 0x80 && b <= 0xBF) {
                continue; // a continuation byte: look further back for its lead
            }
            int need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            int have = length - i;
            if (need == 0 || have >= need) {
                return 0; // ASCII, an invalid lead, or a complete (or over-long, hence invalid) sequence
            }
            for (int k = i + 1; k < length; k++) {
                if (!continues(b, k - i, pending[k] & 0xFF)) {
                    return 0;
                }
            }
            return have;
        }
        return 0;
    }

    /** Whether {@code next} may be byte number {@code position} (from 1) of a character led by {@code lead}. */
    private static boolean continues(int lead, int position, int next) {
        if (position == 1) {
            return switch (lead) {
                case 0xE0 -> next >= 0xA0 && next <= 0xBF;
                case 0xED -> next >= 0x80 && next <= 0x9F;
                case 0xF0 -> next >= 0x90 && next <= 0xBF;
                case 0xF4 -> next >= 0x80 && next <= 0x8F;
                default -> next >= 0x80 && next <= 0xBF;
            };
        }
        return next >= 0x80 && next <= 0xBF;
    }
}
