package dev.weft.inference.onnx;

/**
 * How much ONNX Runtime rewrites the graph when it loads a model. Higher levels load a little slower and run
 * faster; results agree to floating-point rounding. The default is {@link #ALL}, as in ONNX Runtime.
 *
 * <pre>{@code
 * OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2)
 *     .optimizationLevel(GraphOptimization.BASIC).build();
 * }</pre>
 */
public enum GraphOptimization {
    /** No rewriting. */
    NONE,
    /** Semantics-preserving rewrites such as constant folding and redundant-node elimination. */
    BASIC,
    /** Basic plus fused operators (attention, GELU, layer normalisation). */
    EXTENDED,
    /** Extended plus layout optimisations. */
    ALL
}
