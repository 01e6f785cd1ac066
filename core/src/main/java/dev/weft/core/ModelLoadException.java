package dev.weft.core;

/**
 * A local model's files were found but could not be used: a malformed ONNX graph, a tokenizer that does not
 * parse, a configuration that disagrees with the graph. The message names the file and the problem.
 */
public class ModelLoadException extends WeftException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
