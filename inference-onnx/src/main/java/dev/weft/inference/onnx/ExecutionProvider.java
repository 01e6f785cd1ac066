package dev.weft.inference.onnx;

import dev.weft.core.InvalidInputException;
import java.util.Locale;

/**
 * Where ONNX Runtime runs a model: the CPU, or a CUDA GPU by device id. Immutable values.
 *
 * <p>CUDA needs ONNX Runtime's GPU build ({@code com.microsoft.onnxruntime:onnxruntime_gpu}) in place of the CPU
 * one, a CUDA-capable GPU and its drivers. When any of these is missing, a model configured for CUDA logs one
 * warning and runs on the CPU; {@code ModelInfo.attributes().get("execution.provider")} says which provider is
 * really in use.
 *
 * <pre>{@code
 * OnnxEmbeddingModel.builder().bundled(BundledModel.BGE_SMALL_EN_V15_Q)
 *     .executionProvider(ExecutionProvider.cuda(0)).build();
 * }</pre>
 */
public sealed interface ExecutionProvider permits ExecutionProvider.Cpu, ExecutionProvider.Cuda {

    /** The CPU, the default. */
    static ExecutionProvider cpu() {
        return Cpu.INSTANCE;
    }

    /** CUDA GPU {@code deviceId} (0 for the first GPU). */
    static ExecutionProvider cuda(int deviceId) {
        return new Cuda(deviceId);
    }

    /**
     * Parses {@code cpu}, {@code cuda} (device 0) or {@code cuda:N}, case-insensitively.
     *
     * @throws InvalidInputException naming the accepted forms
     */
    static ExecutionProvider parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return cpu();
        }
        if (s.equals("cuda")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidInputException("Execution provider '" + text + "' is invalid; use cpu, cuda or cuda:N (N a device id >= 0)");
    }

    /** A short name, {@code cpu} or {@code cuda:N}, as reported in {@code ModelInfo} attributes. */
    String id();

    /** The CPU. */
    record Cpu() implements ExecutionProvider {
        static final Cpu INSTANCE = new Cpu();

        @Override
        public String id() {
            return "cpu";
        }
    }

    /**
     * A CUDA GPU.
     *
     * @param deviceId the GPU's index, from 0
     */
    record Cuda(int deviceId) implements ExecutionProvider {
        /** @throws InvalidInputException if {@code deviceId} is negative */
        public Cuda {
            if (deviceId < 0) {
                throw new InvalidInputException("CUDA deviceId must be >= 0, was " + deviceId);
            }
        }

        @Override
        public String id() {
            return "cuda:" + deviceId;
        }
    }
}
