package dev.weft.inference.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.weft.core.ModelLoadException;
import java.util.Map;
import java.util.Set;

/**
 * What an encoder graph takes and gives: which of the BERT inputs it declares, and the output to read, either
 * per-token ({@code [batch, sequence, dimension]}) or already pooled ({@code [batch, dimension]}).
 *
 * @param attentionMask whether the graph takes {@code attention_mask}
 * @param tokenTypeIds whether the graph takes {@code token_type_ids}
 * @param output the output's name
 * @param pooled whether the output is already one vector per text
 * @param dimension the vector length declared by the graph, or -1 when it is symbolic
 */
record GraphSignature(boolean attentionMask, boolean tokenTypeIds, String output, boolean pooled, int dimension) {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);
    /** Output names to prefer, in order, before falling back to the first output. */
    private static final String[] PREFERRED_OUTPUTS = {"last_hidden_state", "token_embeddings"};

    static GraphSignature inspect(OrtSession session, String location) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (!inputs.containsKey(INPUT_IDS)) {
                throw new ModelLoadException("The graph " + location + " has no input named input_ids (its inputs are "
                        + inputs.keySet() + "); Weft feeds BERT-style encoders input_ids, attention_mask and token_type_ids");
            }
            for (NodeInfo input : inputs.values()) {
                if (!KNOWN_INPUTS.contains(input.getName())) {
                    throw new ModelLoadException("The graph " + location + " needs an input Weft cannot feed: '" + input.getName()
                            + "'; supported inputs are " + KNOWN_INPUTS);
                }
                if (!(input.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.INT64) {
                    throw new ModelLoadException("The graph " + location + " input '" + input.getName()
                            + "' must be an int64 tensor, was " + input.getInfo());
                }
            }
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            String output = outputs.keySet().iterator().next();
            for (String preferred : PREFERRED_OUTPUTS) {
                if (outputs.containsKey(preferred)) {
                    output = preferred;
                    break;
                }
            }
            if (!(outputs.get(output).getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT
                    || (t.getShape().length != 2 && t.getShape().length != 3)) {
                throw new ModelLoadException("The graph " + location + " output '" + output
                        + "' must be a float tensor [batch, sequence, dimension] or [batch, dimension], was "
                        + outputs.get(output).getInfo());
            }
            long[] shape = t.getShape();
            long dim = shape[shape.length - 1];
            return new GraphSignature(inputs.containsKey(ATTENTION_MASK), inputs.containsKey(TOKEN_TYPE_IDS), output,
                    shape.length == 2, dim > 0 ? (int) dim : -1);
        } catch (OrtException e) {
            throw new ModelLoadException("Cannot read the inputs and outputs of the graph " + location + ": " + e.getMessage(), e);
        }
    }
}
