package dev.weft.inference.onnx.internal;

/**
 * One text as the model reads it: token ids with special tokens, unpadded.
 *
 * @param ids token ids
 * @param typeIds token type (segment) ids, same length
 * @param truncated whether the text was longer than the maximum sequence length and was cut to it
 */
record TokenizedText(long[] ids, long[] typeIds, boolean truncated) {
    int length() {
        return ids.length;
    }
}
