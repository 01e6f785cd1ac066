package dev.weft.inference.onnx.internal;

import dev.weft.inference.onnx.ExecutionProvider;
import dev.weft.inference.onnx.GraphOptimization;

/**
 * ONNX Runtime session options.
 *
 * @param intraOpThreads threads used inside one operator; 0 for ONNX Runtime's default (one per physical core)
 * @param interOpThreads threads used across independent operators; 0 for ONNX Runtime's default
 * @param optimization the graph optimisation level
 * @param executionProvider where to run
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, GraphOptimization optimization,
                              ExecutionProvider executionProvider) {}
