package dev.weft.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared public datasets: {@code -Dweft.data}, else {@code $WEFT_DATA}, else {@code ../shared/data}. */
final class SharedData {
    private SharedData() {}

    static Path root() {
        String configured = System.getProperty("weft.data", System.getenv("WEFT_DATA"));
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Shared data folder not found at " + root.toAbsolutePath()
                    + "; pass -Dweft.data=/path/to/shared/data or set WEFT_DATA");
        }
        return root;
    }

    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Dataset file missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
