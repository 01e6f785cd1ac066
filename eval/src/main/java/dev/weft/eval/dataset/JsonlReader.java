package dev.weft.eval.dataset;

import dev.weft.core.json.WeftJson;
import java.io.BufferedReader;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON Lines file one object at a time, never holding more than one line in memory. Blank lines are
 * skipped; a byte-order mark before the first line is ignored; anything else that is not one JSON object on
 * one line is an error naming the file and line. Not thread-safe; close it when done.
 */
final class JsonlReader implements AutoCloseable {
    /** One object of the file and where it was read. */
    record Line(JsonNode object, LineLocation location) {}

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private JsonlReader(Path file) {
        this.file = file;
        this.reader = InputFiles.open(file);
    }

    /** A reader of {@code file}, which must exist. */
    static JsonlReader open(Path file) {
        return new JsonlReader(file);
    }

    /** The next object, or null at the end of the file. */
    Line next() {
        while (true) {
            LineLocation at = new LineLocation(file, lineNumber + 1);
            String text = InputFiles.readLine(reader, at);
            if (text == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = WeftJson.mapper().readTree(text);
            } catch (JacksonException e) {
                throw at.error("is not valid JSON (" + e.getOriginalMessage() + "); each line must be one JSON object", e);
            }
            if (!node.isObject()) {
                throw at.error("is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not an object; each line must be one JSON object");
            }
            return new Line(node, at);
        }
    }

    @Override
    public void close() {
        InputFiles.close(reader, file);
    }
}
