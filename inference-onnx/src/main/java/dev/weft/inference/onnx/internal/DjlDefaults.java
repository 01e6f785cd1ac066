package dev.weft.inference.onnx.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings applied before Weft first touches DJL's tokenizers, each only when neither the environment variable nor
 * the system property of the same name is set (so an application's own choice wins):
 *
 * <ul>
 *   <li>{@code OPT_OUT_TRACKING=true}: DJL otherwise "calls home" once a day when a tokenizer is created, probing
 *       the EC2 instance-metadata address (169.254.169.254) and, on AWS, sending a telemetry request.</li>
 *   <li>{@code RUST_FLAVOR=cpu}: on a machine with a CUDA GPU, DJL otherwise picks a CUDA build of its native
 *       tokenizer library, which is not in the jar and is downloaded at run time. Tokenizing needs no GPU.</li>
 * </ul>
 */
public final class DjlDefaults {
    private static final Logger log = LoggerFactory.getLogger(DjlDefaults.class);
    private static boolean applied;

    private DjlDefaults() {}

    public static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("RUST_FLAVOR", "cpu");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getenv(name) == null && System.getProperty(name) == null) {
            System.setProperty(name, value);
            log.debug("Set system property {}={} for DJL's tokenizers", name, value);
        }
    }
}
