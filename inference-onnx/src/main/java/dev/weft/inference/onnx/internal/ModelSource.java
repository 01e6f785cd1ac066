package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.inference.onnx.Pooling;
import java.io.IOException;
import java.io.InputStream;

/** Where a model's ONNX graph and {@code tokenizer.json} come from, and the defaults that go with them. */
public sealed interface ModelSource permits BundledSource, DirectorySource {

    /** The model id reported in {@code ModelInfo}. */
    String id();

    /** The model's version, empty when unknown. */
    String version();

    /** Where the graph was read from, for messages and the {@code source} attribute. */
    String location();

    /** Where the tokenizer is read from, for messages. */
    String tokenizerLocation();

    /** The pooling to use when none is configured. */
    Pooling defaultPooling();

    /** The maximum sequence length to use when none is configured. */
    int defaultMaxSequenceLength();

    /** A new session on the graph. */
    OrtSession createSession(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;

    /** A new stream over {@code tokenizer.json}; the caller closes it. */
    InputStream openTokenizer() throws IOException;
}
