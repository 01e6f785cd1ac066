package dev.weft.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared small models: {@code -Dweft.models}, else {@code $WEFT_MODELS}, else {@code models} beside the
 * shared data folder, else {@code ../shared/models}.
 */
final class SharedModels {
    private SharedModels() {}

    static Path root() {
        String configured = System.getProperty("weft.models", System.getenv("WEFT_MODELS"));
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            Path besideData = SharedData.root().toAbsolutePath().normalize().resolveSibling("models");
            root = Files.isDirectory(besideData) ? besideData : Path.of("..", "shared", "models");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Shared models folder not found at " + root.toAbsolutePath()
                    + "; pass -Dweft.models=/path/to/shared/models or set WEFT_MODELS");
        }
        return root;
    }

    /** The model folder called {@code name} (e.g. {@code tiny-lm}). */
    static Path model(String name) {
        Path dir = root().resolve(name);
        if (!Files.isRegularFile(dir.resolve("model.onnx"))) {
            throw new IllegalStateException("Model missing: no model.onnx in " + dir.toAbsolutePath());
        }
        return dir;
    }
}
