package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.TokenUsage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /embeddings} and its answer: {@code {"object":"list","data":[{"object":"embedding",
 * "index":i,"embedding":[…]}],"model":…,"usage":{"prompt_tokens":…,"total_tokens":…}}}. Entries are put back in
 * input order by {@code index} (the API does not promise order); an embedding sent as base64 (little-endian
 * float32, as with {@code encoding_format: base64}) is decoded too.
 */
final class EmbeddingsCodec {
    /** One batch's answer. */
    record Batch(Embedding[] embeddings, TokenUsage usage) {}

    private EmbeddingsCodec() {}

    static byte[] encode(String model, List<String> inputs, Integer dimensions) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        body.put("encoding_format", "float");
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        return WeftJson.mapper().writeValueAsBytes(body);
    }

    /**
     * Reads an answer to a batch of {@code expected} inputs.
     *
     * @param dimension the vector length every embedding must have, or 0 to accept the first one's
     */
    static Batch decode(byte[] bytes, int expected, int dimension, String where) {
        JsonNode root = WireValues.parse(bytes, "The embeddings from " + where);
        try {
            return read(root, expected, dimension, where);
        } catch (InvalidModelResponseException e) {
            throw new InvalidModelResponseException("The embeddings from " + where + " are malformed: " + WireValues.reason(e),
                    new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private static Batch read(JsonNode root, int expected, int dimension, String where) {
        if (!root.isObject()) {
            throw new InvalidModelResponseException("the answer is not a JSON object", null);
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw HttpFailures.fromError(0, ErrorBody.from(root, root.toString()), null, where);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new InvalidModelResponseException("'data' is missing or not an array", null);
        }
        if (data.size() != expected) {
            throw new InvalidModelResponseException("expected " + expected + " embeddings, got " + data.size(), null);
        }
        Embedding[] out = new Embedding[expected];
        int dim = dimension;
        for (int i = 0; i < expected; i++) {
            JsonNode item = data.get(i);
            JsonNode index = item.get("index");
            int at = index == null || index.isNull() ? i : index.isIntegralNumber() && index.canConvertToInt() ? index.asInt() : -1;
            if (at < 0 || at >= expected || out[at] != null) {
                throw new InvalidModelResponseException("embedding #" + i + " has a missing, repeated or out-of-range index "
                        + index, null);
            }
            float[] vector = vector(item.get("embedding"), i);
            if (dim == 0) {
                dim = vector.length;
            }
            if (vector.length != dim || dim == 0) {
                throw new InvalidModelResponseException("embedding #" + at + " has " + vector.length + " dimensions, expected "
                        + dim, null);
            }
            out[at] = new Embedding(vector, 0, false);
        }
        TokenUsage usage = WireValues.usage(root.get("usage"), null);
        return new Batch(out, usage == null ? TokenUsage.ZERO : usage);
    }

    private static float[] vector(JsonNode embedding, int i) {
        if (embedding == null || embedding.isNull()) {
            throw new InvalidModelResponseException("embedding #" + i + " has no 'embedding'", null);
        }
        if (embedding.isString()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(embedding.stringValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidModelResponseException("embedding #" + i + " is a string but not base64", null);
            }
            if (raw.length % Float.BYTES != 0) {
                throw new InvalidModelResponseException("embedding #" + i + " is base64 of " + raw.length
                        + " bytes, not a whole number of float32 values", null);
            }
            FloatBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] v = new float[floats.remaining()];
            floats.get(v);
            return v;
        }
        if (!embedding.isArray()) {
            throw new InvalidModelResponseException("embedding #" + i + " is neither an array nor base64", null);
        }
        float[] v = new float[embedding.size()];
        for (int j = 0; j < v.length; j++) {
            JsonNode x = embedding.get(j);
            if (!x.isNumber()) {
                throw new InvalidModelResponseException("embedding #" + i + " holds a non-number at position " + j, null);
            }
            v[j] = x.floatValue();
        }
        return v;
    }
}
