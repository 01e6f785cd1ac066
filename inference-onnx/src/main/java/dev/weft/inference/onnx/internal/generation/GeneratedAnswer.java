package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.chat.ChatResponse;

/**
 * An answer with the token ids behind it, for tests that compare token for token.
 *
 * @param response the answer as callers see it
 * @param promptIds the prompt's token ids, as rendered by the template
 * @param tokenIds the generated ids, the end-of-sequence or end-of-turn token included
 */
public record GeneratedAnswer(ChatResponse response, long[] promptIds, long[] tokenIds) {}
