/**
 * Local inference on ONNX Runtime. {@link dev.weft.inference.onnx.OnnxEmbeddingModel} embeds texts with a
 * BERT-style encoder, either one of the {@link dev.weft.inference.onnx.BundledModel}s read from LangChain4j's model
 * jars on the class path, or any directory holding {@code model.onnx} and {@code tokenizer.json}. The same models
 * are reachable by reference through {@code dev.weft.core.Models}: {@code Models.embedding("onnx:all-minilm-l6-v2")}.
 *
 * <p>{@link dev.weft.inference.onnx.OnnxChatModel} generates text with a decoder-only model exported with its
 * attention cache (Hugging Face Optimum's layout), from a directory holding {@code model.onnx},
 * {@code tokenizer.json} and {@code config.json}: greedy or sampled decoding, stop sequences, streaming, batches,
 * and {@link dev.weft.inference.onnx.ChatTemplate}s. By reference: {@code Models.chat("onnx:/models/tiny-lm")}.
 *
 * <pre>{@code
 * try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().bundled(BundledModel.BGE_SMALL_EN_V15_Q).build()) {
 *     float[] v = model.embed("What is the capital of France?").vector();
 * }
 * }</pre>
 *
 * <p>Everything here is thread-safe. ONNX Runtime telemetry is off; where DJL unpacks its native tokenizer
 * library, and how to move it, is described on {@link dev.weft.inference.onnx.OnnxEmbeddingModel}.
 */
package dev.weft.inference.onnx;
