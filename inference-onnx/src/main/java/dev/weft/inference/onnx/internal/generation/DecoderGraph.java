package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.weft.core.ModelLoadException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input and output names of a decoder exported with its attention cache under Hugging Face Optimum's names,
 * checked against {@link DecoderConfig}: {@code input_ids}, {@code attention_mask}, optionally
 * {@code position_ids}, and {@code past_key_values.N.key/value} of shape {@code [batch, kvHeads, past, headDim]}
 * in, {@code logits} and {@code present.N.key/value} out. Immutable.
 *
 * @param positionIds whether the graph takes {@code position_ids}
 * @param pastKeys {@code past_key_values.N.key} by layer
 * @param pastValues {@code past_key_values.N.value} by layer
 * @param presentKeys {@code present.N.key} by layer
 * @param presentValues {@code present.N.value} by layer
 * @param presents every {@code present.*} name, the outputs a cached step asks for besides the logits
 */
record DecoderGraph(boolean positionIds, List<String> pastKeys, List<String> pastValues, List<String> presentKeys,
                    List<String> presentValues, Set<String> presents) {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String POSITION_IDS = "position_ids";
    static final String LOGITS = "logits";

    /**
     * Reads the session's inputs and outputs and checks them against {@code config}.
     *
     * @throws ModelLoadException naming the input or output that is missing or disagrees with {@code config.json}
     */
    static DecoderGraph inspect(OrtSession session, DecoderConfig config, String location) {
        Map<String, NodeInfo> inputs;
        Map<String, NodeInfo> outputs;
        try {
            inputs = session.getInputInfo();
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new ModelLoadException("Cannot read the inputs and outputs of the graph " + location + ": " + e.getMessage(), e);
        }
        int layers = config.layers();
        String[] pastKeys = new String[layers];
        String[] pastValues = new String[layers];
        String[] presentKeys = new String[layers];
        String[] presentValues = new String[layers];
        Set<String> expectedInputs = new LinkedHashSet<>(List.of(INPUT_IDS, ATTENTION_MASK, POSITION_IDS));
        for (int l = 0; l < layers; l++) {
            pastKeys[l] = "past_key_values." + l + ".key";
            pastValues[l] = "past_key_values." + l + ".value";
            presentKeys[l] = "present." + l + ".key";
            presentValues[l] = "present." + l + ".value";
            expectedInputs.add(pastKeys[l]);
            expectedInputs.add(pastValues[l]);
        }
        long graphLayers = inputs.keySet().stream().filter(n -> n.startsWith("past_key_values.") && n.endsWith(".key")).count();
        if (graphLayers == 0) {
            throw new ModelLoadException("The graph " + location + " takes no past_key_values.N.key inputs (its inputs are "
                    + new TreeSet<>(inputs.keySet()) + "); Weft generates with decoders exported with their attention cache "
                    + "(Hugging Face Optimum: optimum-cli export onnx --task text-generation-with-past)");
        }
        if (graphLayers != layers) {
            throw new ModelLoadException("config.json says num_hidden_layers = " + layers + " but the graph " + location
                    + " has " + graphLayers + " layers of past_key_values inputs; the config does not belong to this model");
        }
        for (String required : List.of(INPUT_IDS, ATTENTION_MASK)) {
            requireInt64(inputs, required, location);
        }
        boolean positionIds = inputs.containsKey(POSITION_IDS);
        if (positionIds) {
            requireInt64(inputs, POSITION_IDS, location);
        }
        List<String> unknown = new ArrayList<>();
        for (String name : inputs.keySet()) {
            if (!expectedInputs.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ModelLoadException("The graph " + location + " needs inputs Weft cannot feed: " + unknown
                    + "; supported are input_ids, attention_mask, position_ids and past_key_values.N.key/value"
                    + (unknown.contains("use_cache_branch") ? " (export without merging the two decoders, e.g. "
                    + "optimum-cli export onnx --task text-generation-with-past --no-post-process)" : ""));
        }
        for (int l = 0; l < layers; l++) {
            checkCache(inputs, pastKeys[l], config, location, "input");
            checkCache(inputs, pastValues[l], config, location, "input");
            checkCache(outputs, presentKeys[l], config, location, "output");
            checkCache(outputs, presentValues[l], config, location, "output");
        }
        if (!(outputs.get(LOGITS) instanceof NodeInfo logits) || !(logits.getInfo() instanceof TensorInfo t)
                || t.type != OnnxJavaType.FLOAT || t.getShape().length != 3) {
            throw new ModelLoadException("The graph " + location + " must have a float output 'logits' of shape "
                    + "[batch, sequence, vocab]; its outputs are " + describe(outputs));
        }
        long vocab = t.getShape()[2];
        if (vocab > 0 && vocab != config.vocabSize()) {
            throw new ModelLoadException("config.json says vocab_size = " + config.vocabSize() + " but the graph " + location
                    + " gives " + vocab + " logits per position; the config does not belong to this model");
        }
        Set<String> presents = new LinkedHashSet<>();
        for (int l = 0; l < layers; l++) {
            presents.add(presentKeys[l]);
            presents.add(presentValues[l]);
        }
        return new DecoderGraph(positionIds, List.of(pastKeys), List.of(pastValues), List.of(presentKeys),
                List.of(presentValues), Collections.unmodifiableSet(presents));
    }

    private static void requireInt64(Map<String, NodeInfo> inputs, String name, String location) {
        NodeInfo node = inputs.get(name);
        if (node == null) {
            throw new ModelLoadException("The graph " + location + " has no input named " + name + " (its inputs are "
                    + new TreeSet<>(inputs.keySet()) + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.INT64 || t.getShape().length != 2) {
            throw new ModelLoadException("The graph " + location + " input " + name + " must be an int64 tensor "
                    + "[batch, sequence], was " + node.getInfo());
        }
    }

    /** A cache tensor must be float {@code [batch, kvHeads, length, headDim]}, dimensions as config.json says. */
    private static void checkCache(Map<String, NodeInfo> nodes, String name, DecoderConfig config, String location, String kind) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new ModelLoadException("The graph " + location + " has no " + kind + " named " + name
                    + " although config.json says it has " + config.layers() + " layers");
        }
        if (!(node.getInfo() instanceof TensorInfo t) || t.getShape().length != 4) {
            throw new ModelLoadException("The graph " + location + " " + kind + " " + name
                    + " must be a tensor [batch, heads, sequence, head_dim], was " + node.getInfo());
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new ModelLoadException("The graph " + location + " " + kind + " " + name + " holds " + t.type
                    + "; Weft keeps the attention cache in float32 (export the model in fp32)");
        }
        long heads = t.getShape()[1];
        long headDim = t.getShape()[3];
        if (heads > 0 && heads != config.kvHeads()) {
            throw new ModelLoadException("config.json says num_key_value_heads = " + config.kvHeads() + " but the graph "
                    + location + " " + kind + " " + name + " has " + heads + " heads; the config does not belong to this model");
        }
        if (headDim > 0 && headDim != config.headDim()) {
            throw new ModelLoadException("config.json gives head_dim = " + config.headDim() + " but the graph " + location
                    + " " + kind + " " + name + " has heads of size " + headDim + "; the config does not belong to this model");
        }
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        StringBuilder sb = new StringBuilder("{");
        nodes.forEach((name, node) -> sb.append(sb.length() > 1 ? ", " : "").append(name).append('=').append(node.getInfo()));
        return sb.append('}').toString();
    }
}
