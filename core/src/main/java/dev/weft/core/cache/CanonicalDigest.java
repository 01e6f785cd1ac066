package dev.weft.core.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Feeds values into a SHA-256 digest in an unambiguous, canonical binary form, without building a string of the
 * whole input: every value is preceded by a one-byte tag, every string and list by its length, JSON objects are
 * written with their property names sorted. Two sequences of calls give the same digest exactly when they write
 * the same tags and values in the same order. One instance per digest; not thread-safe.
 */
final class CanonicalDigest {
    // Tags. Values only need to be distinct within the position where they appear; they are kept globally
    // distinct anyway so that a dump of the byte stream reads unambiguously.
    static final byte NULL = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte TRUE = 5;
    static final byte FALSE = 6;
    static final byte LIST = 7;
    private static final byte JSON_OBJECT = 20;
    private static final byte JSON_ARRAY = 21;
    private static final byte JSON_STRING = 22;
    private static final byte JSON_NUMBER = 23;
    private static final byte JSON_BOOLEAN = 24;
    private static final byte JSON_NULL = 25;
    private static final byte JSON_OTHER = 26;

    /** Never updated, only cloned, so concurrent clones are safe. */
    private static final MessageDigest PROTOTYPE = cloneablePrototype();

    private final MessageDigest sha = newSha256();
    private final byte[] buffer = new byte[1024];
    private int used;

    /** Writes a structural tag (message kind, field marker). */
    CanonicalDigest tag(int tag) {
        ensure(1);
        buffer[used++] = (byte) tag;
        return this;
    }

    /**
     * Writes {@code s}, or a null marker: its length in chars, then each char as one byte if it is ASCII, or as
     * the byte {@code 0x80} and its two bytes otherwise (a prefix-free code, so the encoding stays unambiguous
     * while ASCII text, the common case, costs one byte per char to hash).
     */
    CanonicalDigest string(String s) {
        if (s == null) {
            return tag(NULL);
        }
        tag(STRING);
        rawInt(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            ensure(3);
            int end = Math.min(n, i + (buffer.length - used) / 3); // chars that fit whatever they are
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    buffer[used++] = (byte) c;
                } else {
                    buffer[used++] = (byte) 0x80;
                    buffer[used++] = (byte) (c >>> 8);
                    buffer[used++] = (byte) c;
                }
            }
        }
        return this;
    }

    CanonicalDigest integer(Integer value) {
        if (value == null) {
            return tag(NULL);
        }
        tag(INT);
        rawInt(value);
        return this;
    }

    CanonicalDigest longValue(Long value) {
        if (value == null) {
            return tag(NULL);
        }
        tag(LONG);
        rawLong(value);
        return this;
    }

    /** Writes the exact bits of {@code value}, so that values {@link Double#equals} tells apart stay apart. */
    CanonicalDigest doubleValue(Double value) {
        if (value == null) {
            return tag(NULL);
        }
        tag(DOUBLE);
        rawLong(Double.doubleToLongBits(value));
        return this;
    }

    CanonicalDigest bool(boolean value) {
        return tag(value ? TRUE : FALSE);
    }

    /** Writes a list marker and its size; the caller writes the elements. */
    CanonicalDigest listOf(int size) {
        tag(LIST);
        rawInt(size);
        return this;
    }

    CanonicalDigest strings(List<String> values) {
        listOf(values.size());
        for (String v : values) {
            string(v);
        }
        return this;
    }

    /**
     * Writes a JSON tree canonically: object properties in sorted order (JSON objects are unordered, and
     * {@link JsonNode#equals} agrees), arrays in order, numbers with their Java type so that nodes that are not
     * equal ({@code 1} and {@code 1.0}) stay apart.
     */
    CanonicalDigest json(JsonNode node) {
        if (node == null) {
            return tag(NULL);
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
                properties.sort(Map.Entry.comparingByKey());
                tag(JSON_OBJECT).rawInt(properties.size());
                for (Map.Entry<String, JsonNode> p : properties) {
                    string(p.getKey()).json(p.getValue());
                }
            }
            case ARRAY -> {
                tag(JSON_ARRAY).rawInt(node.size());
                for (JsonNode element : node.values()) {
                    json(element);
                }
            }
            case STRING -> tag(JSON_STRING).string(node.stringValue());
            case NUMBER -> {
                Number n = node.numberValue();
                tag(JSON_NUMBER).string(n.getClass().getSimpleName()).string(n.toString());
            }
            case BOOLEAN -> tag(JSON_BOOLEAN).bool(node.booleanValue());
            case NULL, MISSING -> tag(JSON_NULL);
            default -> tag(JSON_OTHER).string(node.getNodeType().name()).string(node.toString());
        }
        return this;
    }

    /** The digest of everything written; the instance must not be used afterwards. */
    byte[] finish() {
        flush();
        return sha.digest();
    }

    private void rawInt(int v) {
        ensure(4);
        buffer[used++] = (byte) (v >>> 24);
        buffer[used++] = (byte) (v >>> 16);
        buffer[used++] = (byte) (v >>> 8);
        buffer[used++] = (byte) v;
    }

    private void rawLong(long v) {
        rawInt((int) (v >>> 32));
        rawInt((int) v);
    }

    private void ensure(int bytes) {
        if (used + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() {
        sha.update(buffer, 0, used);
        used = 0;
    }

    /** A fresh SHA-256: a clone of a prototype where the provider allows it (several times cheaper than a lookup). */
    private static MessageDigest newSha256() {
        if (PROTOTYPE != null) {
            try {
                return (MessageDigest) PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                // fall through to a lookup
            }
        }
        return lookUpSha256();
    }

    private static MessageDigest cloneablePrototype() {
        MessageDigest sha = lookUpSha256();
        return sha instanceof Cloneable ? sha : null;
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
