package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The facts about a decoder that its graph does not state reliably, read from the Hugging Face {@code config.json}
 * of its directory (and the end-of-sequence ids of {@code generation_config.json}, when present). Both the
 * Llama-style names ({@code num_hidden_layers}, {@code num_attention_heads}, {@code max_position_embeddings}) and
 * the GPT-2 ones ({@code n_layer}, {@code n_head}, {@code n_positions}) are understood.
 *
 * @param layers transformer blocks, one {@code past_key_values.N.key/value} pair each
 * @param attentionHeads query heads
 * @param kvHeads key/value heads (fewer than query heads under grouped-query attention)
 * @param headDim the size of one head
 * @param vocabSize the number of logits per position
 * @param maxPositions the longest sequence, prompt and answer together, the model has positions for
 * @param eosIds the ids that end a sequence
 * @param padId the id fed in padded positions (masked, so any id works; Hugging Face's when given)
 * @param modelType {@code model_type}, or empty
 */
public record DecoderConfig(int layers, int attentionHeads, int kvHeads, int headDim, int vocabSize, int maxPositions,
                            Set<Integer> eosIds, int padId, String modelType) {
    /** The configuration's file name. */
    public static final String FILE = "config.json";
    /** The optional generation configuration's file name. */
    public static final String GENERATION_FILE = "generation_config.json";

    public DecoderConfig {
        eosIds = Set.copyOf(eosIds);
    }

    /**
     * Reads {@code directory/config.json}.
     *
     * @throws ModelNotFoundException when the file is missing
     * @throws ModelLoadException naming the file and the field that is missing or wrong
     */
    public static DecoderConfig read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelNotFoundException("Model directory " + directory + " has no " + FILE + " (expected " + file
                    + "); a generation model directory holds model.onnx, tokenizer.json and the model's Hugging Face config.json");
        }
        JsonNode json = parse(file);
        int layers = positive(json, file, "num_hidden_layers", "n_layer", "num_layers");
        int heads = positive(json, file, "num_attention_heads", "n_head");
        int kvHeads = json.hasNonNull("num_key_value_heads") ? positive(json, file, "num_key_value_heads") : heads;
        int headDim;
        if (json.hasNonNull("head_dim")) {
            headDim = positive(json, file, "head_dim");
        } else {
            int hidden = positive(json, file, "hidden_size", "n_embd");
            if (hidden % heads != 0) {
                throw new ModelLoadException(file + ": hidden_size " + hidden + " is not a multiple of num_attention_heads "
                        + heads + ", so head_dim cannot be derived; add \"head_dim\" to the file");
            }
            headDim = hidden / heads;
        }
        if (heads % kvHeads != 0) {
            throw new ModelLoadException(file + ": num_attention_heads " + heads + " is not a multiple of num_key_value_heads "
                    + kvHeads);
        }
        int vocab = positive(json, file, "vocab_size");
        int maxPositions = positive(json, file, "max_position_embeddings", "n_positions", "n_ctx");
        Set<Integer> eos = new LinkedHashSet<>();
        addIds(eos, json.get("eos_token_id"), file, vocab);
        Path generation = directory.resolve(GENERATION_FILE);
        if (Files.isRegularFile(generation)) {
            addIds(eos, parse(generation).get("eos_token_id"), generation, vocab);
        }
        if (eos.isEmpty()) {
            throw new ModelLoadException(file + " has no eos_token_id; generation needs to know which token ends a sequence");
        }
        int pad = json.hasNonNull("pad_token_id") ? tokenId(json.get("pad_token_id"), file, "pad_token_id", vocab)
                : eos.iterator().next();
        String type = json.hasNonNull("model_type") ? json.get("model_type").asString() : "";
        return new DecoderConfig(layers, heads, kvHeads, headDim, vocab, maxPositions, eos, pad, type);
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode json = WeftJson.mapper().readTree(Files.readString(file));
            if (json == null || !json.isObject()) {
                throw new ModelLoadException(file + " must hold a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first of {@code names} present, as a positive int. */
    private static int positive(JsonNode json, Path file, String... names) {
        for (String name : names) {
            JsonNode value = json.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
                    throw new ModelLoadException(file + ": " + name + " must be a positive integer, was " + value);
                }
                return value.asInt();
            }
        }
        throw new ModelLoadException(file + " has no " + (names.length == 1 ? names[0]
                : "field " + String.join(" or ", names)) + "; generation reads the model's shape from it");
    }

    private static void addIds(Set<Integer> ids, JsonNode value, Path file, int vocab) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode id : value) {
                ids.add(tokenId(id, file, "eos_token_id", vocab));
            }
        } else {
            ids.add(tokenId(value, file, "eos_token_id", vocab));
        }
    }

    private static int tokenId(JsonNode value, Path file, String name, int vocab) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() >= vocab) {
            throw new ModelLoadException(file + ": " + name + " must be a token id between 0 and vocab_size - 1 ("
                    + (vocab - 1) + "), was " + value);
        }
        return value.asInt();
    }
}
