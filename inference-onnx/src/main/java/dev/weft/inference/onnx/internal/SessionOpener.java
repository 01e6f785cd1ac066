package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.weft.core.ModelLoadException;
import dev.weft.inference.onnx.ExecutionProvider;
import dev.weft.inference.onnx.GraphOptimization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a session on the configured execution provider, falling back from CUDA to the CPU with one warning. */
public final class SessionOpener {
    private static final Logger log = LoggerFactory.getLogger(SessionOpener.class);

    /**
     * An open session and the provider it really runs on.
     *
     * @param session the session
     * @param provider {@code cpu} or {@code cuda:N}
     */
    public record OpenedSession(OrtSession session, String provider) {}

    private SessionOpener() {}

    public static OpenedSession open(ModelSource source, SessionSettings settings) {
        OrtEnvironment env = SharedOrtEnvironment.get();
        if (settings.executionProvider() instanceof ExecutionProvider.Cuda cuda) {
            try (SessionOptions options = options(settings)) {
                options.addCUDA(cuda.deviceId());
                return new OpenedSession(source.createSession(env, options), cuda.id());
            } catch (OrtException | RuntimeException e) {
                log.warn("CUDA was requested for model {} (device {}) but is unavailable: {}. Running on the CPU instead. "
                                + "CUDA needs com.microsoft.onnxruntime:onnxruntime_gpu in place of onnxruntime, a CUDA-capable GPU "
                                + "and matching CUDA/cuDNN libraries.",
                        source.id(), cuda.deviceId(), e.getMessage());
            }
        }
        try (SessionOptions options = options(settings)) {
            return new OpenedSession(source.createSession(env, options), "cpu");
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException("ONNX Runtime cannot load the graph " + source.location() + ": " + e.getMessage(), e);
        }
    }

    private static SessionOptions options(SessionSettings settings) throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(level(settings.optimization()));
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            if (settings.interOpThreads() > 0) {
                options.setInterOpNumThreads(settings.interOpThreads());
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static OptLevel level(GraphOptimization optimization) {
        return switch (optimization) {
            case NONE -> OptLevel.NO_OPT;
            case BASIC -> OptLevel.BASIC_OPT;
            case EXTENDED -> OptLevel.EXTENDED_OPT;
            case ALL -> OptLevel.ALL_OPT;
        };
    }
}
