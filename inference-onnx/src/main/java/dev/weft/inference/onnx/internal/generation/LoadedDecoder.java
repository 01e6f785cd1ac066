package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every generation of one model shares: the session (safe for concurrent runs), its graph's names, the
 * configuration, the token table, whether the cache is used, and a count of the session runs made.
 *
 * @param env the ONNX Runtime environment
 * @param session the decoder's session
 * @param graph the graph's input and output names
 * @param config the model's shape and special ids
 * @param tokens what each token id stands for
 * @param useCache whether steps feed the attention cache back (false recomputes the whole sequence every step)
 * @param steps session runs made by all generations, for tests and diagnostics
 */
record LoadedDecoder(OrtEnvironment env, OrtSession session, DecoderGraph graph, DecoderConfig config, TokenTable tokens,
                     boolean useCache, LongAdder steps) {}
