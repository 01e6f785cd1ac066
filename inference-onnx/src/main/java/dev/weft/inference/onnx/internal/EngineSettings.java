package dev.weft.inference.onnx.internal;

import dev.weft.inference.onnx.Pooling;

/**
 * How an {@link EmbeddingEngine} tokenizes, batches and pools.
 *
 * @param pooling how token vectors become one vector
 * @param normalize whether vectors are scaled to unit length
 * @param maxSequenceLength the longest input in tokens, special tokens included
 * @param batchSize the most texts per ONNX Runtime call
 * @param session the session options
 */
public record EngineSettings(Pooling pooling, boolean normalize, int maxSequenceLength, int batchSize, SessionSettings session) {}
