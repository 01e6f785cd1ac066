package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.ModelLoadException;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The bytes each token id stands for, read from {@code tokenizer.json}, so that generated text can be decoded one
 * token at a time without ever splitting a UTF-8 character. Two decoder families are understood:
 *
 * <ul>
 *   <li>byte-level BPE ({@code ByteLevel} decoder: GPT-2, Llama 3, Qwen, Phi-2): each character of a token stands
 *       for one byte through GPT-2's byte-to-character table;</li>
 *   <li>SentencePiece-style ({@code Metaspace}, or {@code Replace "▁"→" "} with {@code ByteFallback}: Llama 2,
 *       Mistral, Phi-3): {@code ▁} is a space and {@code <0xNN>} tokens are single bytes; the answer's first
 *       space is dropped as the {@code Strip} decoder does.</li>
 * </ul>
 *
 * <p>Added tokens stand for their content as written; special ones ({@code "special": true}) are left out of the
 * text, as Hugging Face does with {@code skip_special_tokens}. Immutable and thread-safe.
 */
final class TokenTable {
    private static final byte[] NONE = new byte[0];
    private static final Pattern BYTE_FALLBACK = Pattern.compile("<0x([0-9A-Fa-f]{2})>");

    private final byte[][] bytes;
    private final boolean[] special;
    private final Map<String, Integer> added;
    private final boolean stripsLeadingSpace;

    private TokenTable(byte[][] bytes, boolean[] special, Map<String, Integer> added, boolean stripsLeadingSpace) {
        this.bytes = bytes;
        this.special = special;
        this.added = added;
        this.stripsLeadingSpace = stripsLeadingSpace;
    }

    /**
     * Reads {@code file}.
     *
     * @param vocabSize the number of logits the model gives; ids past the tokenizer's vocabulary decode to nothing
     * @throws ModelLoadException when the file does not parse, its decoder is not one of the supported families, or
     *     it has ids the model has no logits for
     */
    static TokenTable read(Path file, int vocabSize) {
        JsonNode json;
        try {
            json = WeftJson.mapper().readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<JsonNode> decoders = new ArrayList<>();
        flatten(json.get("decoder"), decoders);
        Family family = family(decoders, file);
        JsonNode vocab = json.path("model").get("vocab");
        if (vocab == null || !(vocab.isObject() || vocab.isArray())) {
            throw new ModelLoadException(file + " has no model.vocab; cannot map token ids to text");
        }
        int maxId = maxId(vocab, json.get("added_tokens"));
        if (maxId >= vocabSize) {
            throw new ModelLoadException(file + " has token ids up to " + maxId + " but config.json says vocab_size = "
                    + vocabSize + " (the graph gives that many logits); the tokenizer does not belong to this model");
        }
        int size = vocabSize;
        byte[][] bytes = new byte[size][];
        boolean[] special = new boolean[size];
        if (vocab.isObject()) {
            for (Map.Entry<String, JsonNode> e : vocab.properties()) {
                put(bytes, e.getValue().asInt(), family.bytes(e.getKey()));
            }
        } else {
            for (int id = 0; id < vocab.size(); id++) {
                put(bytes, id, family.bytes(vocab.get(id).get(0).asString()));
            }
        }
        Map<String, Integer> added = new HashMap<>();
        for (JsonNode token : json.path("added_tokens")) {
            int id = token.path("id").asInt(-1);
            String content = token.path("content").asString("");
            if (id < 0 || content.isEmpty()) {
                continue;
            }
            added.put(content, id);
            put(bytes, id, content.getBytes(StandardCharsets.UTF_8));
            special[id] = token.path("special").asBoolean(false);
        }
        for (int id = 0; id < size; id++) {
            if (bytes[id] == null) {
                bytes[id] = NONE;
            }
        }
        return new TokenTable(bytes, special, Collections.unmodifiableMap(added), family.stripsLeadingSpace());
    }

    /** The bytes token {@code id} stands for; empty for a special token or an id the tokenizer does not know. */
    byte[] bytes(int id) {
        return id < 0 || id >= bytes.length || special[id] ? NONE : bytes[id];
    }

    /** Whether {@code id} is a special added token (left out of the text). */
    boolean isSpecial(int id) {
        return id >= 0 && id < special.length && special[id];
    }

    /** The id of the added token whose content is {@code content}, such as {@code <|im_end|>}. */
    OptionalInt addedTokenId(String content) {
        Integer id = added.get(content);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The contents of the added tokens. */
    Set<String> addedTokens() {
        return added.keySet();
    }

    /** Whether the first space of a decoded answer is dropped (SentencePiece-style tokenizers). */
    boolean stripsLeadingSpace() {
        return stripsLeadingSpace;
    }

    private static void put(byte[][] bytes, int id, byte[] value) {
        if (id >= 0 && id < bytes.length) {
            bytes[id] = value;
        }
    }

    private static int maxId(JsonNode vocab, JsonNode addedTokens) {
        int max = vocab.isArray() ? vocab.size() - 1 : -1;
        if (vocab.isObject()) {
            for (Map.Entry<String, JsonNode> e : vocab.properties()) {
                max = Math.max(max, e.getValue().asInt());
            }
        }
        if (addedTokens != null) {
            for (JsonNode token : addedTokens) {
                max = Math.max(max, token.path("id").asInt(-1));
            }
        }
        return max;
    }

    private static void flatten(JsonNode decoder, List<JsonNode> out) {
        if (decoder == null || decoder.isNull()) {
            return;
        }
        if ("Sequence".equals(decoder.path("type").asString(""))) {
            for (JsonNode d : decoder.path("decoders")) {
                flatten(d, out);
            }
        } else {
            out.add(decoder);
        }
    }

    private static Family family(List<JsonNode> decoders, Path file) {
        boolean byteLevel = false;
        boolean metaspace = false;
        boolean strip = false;
        List<String> types = new ArrayList<>();
        for (JsonNode d : decoders) {
            String type = d.path("type").asString("");
            types.add(type);
            switch (type) {
                case "ByteLevel" -> byteLevel = true;
                case "Metaspace" -> {
                    metaspace = true;
                    String scheme = d.path("prepend_scheme").asString("");
                    strip |= scheme.isEmpty() ? d.path("add_prefix_space").asBoolean(true) : !scheme.equals("never");
                }
                case "ByteFallback" -> metaspace = true;
                case "Replace" -> metaspace |= "▁".equals(d.path("pattern").path("String").asString(""));
                case "Strip" -> strip |= d.path("start").asInt(0) > 0;
                default -> { }
            }
        }
        if (byteLevel) {
            return ByteLevelFamily.INSTANCE;
        }
        if (metaspace) {
            return new MetaspaceFamily(strip);
        }
        throw new ModelLoadException(file + " uses decoder " + (types.isEmpty() ? "(none)" : types)
                + ", which Weft cannot decode token by token; supported are byte-level BPE (ByteLevel) and "
                + "SentencePiece-style tokenizers (Metaspace, or Replace \"▁\" with ByteFallback)");
    }

    /** How a vocabulary string becomes bytes. */
    private sealed interface Family permits ByteLevelFamily, MetaspaceFamily {
        byte[] bytes(String token);

        boolean stripsLeadingSpace();
    }

    /** GPT-2's table: every byte is written as one printable character. */
    private enum ByteLevelFamily implements Family {
        INSTANCE;

        private final int[] byteOf = byteOfCharacter();

        @Override
        public byte[] bytes(String token) {
            byte[] out = new byte[token.length()];
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                int b = c < byteOf.length ? byteOf[c] : -1;
                if (b < 0) {
                    // Not a byte-level character: the token is written as plain text (some added tokens are).
                    return token.getBytes(StandardCharsets.UTF_8);
                }
                out[i] = (byte) b;
            }
            return out;
        }

        @Override
        public boolean stripsLeadingSpace() {
            return false;
        }

        /** The inverse of GPT-2's {@code bytes_to_unicode}: printable Latin-1 bytes map to themselves, the rest to 256+. */
        private static int[] byteOfCharacter() {
            int[] byteOf = new int[512];
            Arrays.fill(byteOf, -1);
            int shifted = 0;
            for (int b = 0; b < 256; b++) {
                boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
                byteOf[printable ? b : 256 + shifted++] = b;
            }
            return byteOf;
        }
    }

    /** SentencePiece pieces: {@code ▁} is a space, {@code <0xNN>} is byte NN. */
    private record MetaspaceFamily(boolean stripsLeadingSpace) implements Family {
        @Override
        public byte[] bytes(String token) {
            Matcher m = BYTE_FALLBACK.matcher(token);
            if (m.matches()) {
                return new byte[] {(byte) Integer.parseInt(m.group(1), 16)};
            }
            return token.replace('▁', ' ').getBytes(StandardCharsets.UTF_8);
        }
    }
}
