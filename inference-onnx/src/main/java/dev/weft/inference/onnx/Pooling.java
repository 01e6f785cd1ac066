package dev.weft.inference.onnx;

/**
 * How an encoder's per-token outputs become one vector per text. Ignored when the graph's output is already
 * pooled ({@code [batch, dimension]}).
 *
 * <pre>{@code
 * OnnxEmbeddingModel.builder().directory(dir).pooling(Pooling.CLS).build();
 * }</pre>
 */
public enum Pooling {
    /** The average of the token vectors, padding excluded (sentence-transformers models such as all-MiniLM). */
    MEAN,
    /** The vector of the first token, {@code [CLS]} (BGE and most retrieval-tuned BERT models). */
    CLS
}
