package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.weft.core.ModelLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide {@link OrtEnvironment}, created on first use with telemetry switched off. ONNX Runtime allows one
 * environment per process; it is shared by every model and never closed.
 */
public final class SharedOrtEnvironment {
    private static final Logger log = LoggerFactory.getLogger(SharedOrtEnvironment.class);
    private static OrtEnvironment environment;

    private SharedOrtEnvironment() {}

    public static synchronized OrtEnvironment get() {
        if (environment == null) {
            OrtEnvironment env;
            try {
                env = OrtEnvironment.getEnvironment();
            } catch (RuntimeException | LinkageError e) {
                throw new ModelLoadException("Cannot start ONNX Runtime (its native library did not load on "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "): " + e, e);
            }
            try {
                env.setTelemetry(false);
            } catch (OrtException e) {
                log.debug("Could not switch ONNX Runtime telemetry off", e);
            }
            log.debug("ONNX Runtime {} started, telemetry off", env.getVersion());
            environment = env;
        }
        return environment;
    }
}
