package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.chat.Sampling;
import dev.weft.inference.onnx.ChatTemplate;
import dev.weft.inference.onnx.internal.SessionSettings;

/**
 * How a {@link DecoderEngine} is set up.
 *
 * @param modelId the id in {@code ModelInfo}, or null for the directory's name
 * @param template the chat template, or null to pick one from the tokenizer's special tokens
 * @param defaults sampling used where a request leaves a value unset
 * @param defaultMaxTokens the answer length when neither the request nor {@code defaults} sets one
 * @param maxBatchSize the most prompts per batch in {@link DecoderEngine#chatBatch}
 * @param kvCache whether steps feed the attention cache back (false recomputes the whole sequence every step)
 * @param ignoreEndOfSequence whether end-of-sequence and end-of-turn tokens are passed over instead of ending answers
 * @param session the ONNX Runtime session options
 */
public record GenerationOptions(String modelId, ChatTemplate template, Sampling defaults, int defaultMaxTokens,
                                int maxBatchSize, boolean kvCache, boolean ignoreEndOfSequence, SessionSettings session) {}
