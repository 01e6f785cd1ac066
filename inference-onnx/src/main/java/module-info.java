/**
 * Weft's local inference on ONNX Runtime: embedding models from bundled jars or a model directory, and text
 * generation with decoder-only models from a model directory, tokenized with DJL's HuggingFace tokenizers, on the
 * CPU or CUDA. Registers the {@code onnx:} model provider.
 */
@SuppressWarnings("requires-automatic") // ONNX Runtime and DJL ship no module descriptors, only Automatic-Module-Name
module dev.weft.inference.onnx {
    requires transitive dev.weft.core;
    requires com.microsoft.onnxruntime;
    requires ai.djl.tokenizers;
    requires org.slf4j;

    exports dev.weft.inference.onnx;

    provides dev.weft.core.spi.ModelProvider with dev.weft.inference.onnx.internal.OnnxModelProvider;
}
