package dev.weft.rag.ingest;

import dev.weft.core.InvalidInputException;
import dev.weft.core.WeftException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an {@link IngestionPipeline} has ingested: each document's id, the content hash it was ingested at and how
 * many chunks it gave, plus the settings (embedding model, splitter) it was ingested with. The pipeline compares
 * it with the source to tell added, changed, unchanged and deleted documents apart, and saves it after the
 * store's {@code commit()}, so that it never claims more than the store holds.
 *
 * <p>Kept in memory ({@link #inMemory()}, for a store that lives as long as the process) or in a JSON file
 * ({@link #file(Path)}) that is replaced atomically on every save, so that a crash leaves the old or the new
 * manifest, never half of one. Keep the manifest with the store it describes: a manifest without its store would
 * make the pipeline skip documents the store lacks. Thread-safe; one pipeline at a time should use a manifest.
 *
 * <pre>{@code
 * IngestionManifest manifest = IngestionManifest.file(indexDir.resolve("ingestion-manifest.json"));
 * }</pre>
 */
public final class IngestionManifest {
    static final String FORMAT = "weft-ingestion-manifest";
    static final int VERSION = 1;

    /**
     * One ingested document.
     *
     * @param contentHash the content hash it was ingested at
     * @param chunkCount how many chunks it was stored as
     */
    public record Entry(String contentHash, int chunkCount) {
        public Entry {
            Preconditions.notBlank(contentHash, "contentHash");
            Preconditions.check(chunkCount >= 0, "chunkCount must be >= 0, was " + chunkCount);
        }
    }

    /** The manifest's whole content. */
    record State(String settings, Map<String, Entry> documents) {
        static final State EMPTY = new State("", Map.of());

        State {
            documents = Collections.unmodifiableMap(new TreeMap<>(documents));
        }
    }

    private final Path file;
    private State memory = State.EMPTY;

    private IngestionManifest(Path file) {
        this.file = file;
    }

    /** A manifest held in memory: it lasts as long as this object. */
    public static IngestionManifest inMemory() {
        return new IngestionManifest(null);
    }

    /** A manifest kept in {@code file}, which need not exist yet; its directory is created on the first save. */
    public static IngestionManifest file(Path file) {
        return new IngestionManifest(Preconditions.notNull(file, "manifest file"));
    }

    /** The file it is kept in; empty for an in-memory manifest. */
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /**
     * The ingested documents by id, in id order, as last saved.
     *
     * @throws InvalidInputException if the file is not a manifest
     * @throws WeftException if the file cannot be read
     */
    public Map<String, Entry> documents() {
        return load().documents();
    }

    /** The settings the documents were ingested with, as last saved; empty before the first save. */
    public String settings() {
        return load().settings();
    }

    synchronized State load() {
        if (file == null) {
            return memory;
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return State.EMPTY;
        } catch (IOException e) {
            throw new WeftException("Cannot read the ingestion manifest " + file + ": " + e.getMessage(), e);
        }
        return parse(json);
    }

    private State parse(String json) {
        String problem = "is not a Weft ingestion manifest";
        try {
            JsonNode root = WeftJson.parse(json, "ingestion manifest " + file);
            if (root.isObject() && FORMAT.equals(root.path("format").asString(null)) && root.path("version").asInt(0) == VERSION
                    && root.path("documents").isObject()) {
                Map<String, Entry> documents = new TreeMap<>();
                for (Map.Entry<String, JsonNode> e : root.path("documents").properties()) {
                    documents.put(e.getKey(), new Entry(e.getValue().path("contentHash").asString(""),
                            e.getValue().path("chunkCount").asInt(-1)));
                }
                return new State(root.path("settings").asString(""), documents);
            }
        } catch (InvalidInputException | JacksonException e) {
            problem = "is not a valid ingestion manifest (" + e.getMessage() + ")";
        }
        throw new InvalidInputException("The file " + file + " " + problem + " (format " + FORMAT + ", version " + VERSION
                + "); point the pipeline at another manifest file, or delete it and clear the store to ingest everything anew");
    }

    synchronized void save(State state) {
        if (file == null) {
            memory = state;
            return;
        }
        ObjectNode root = WeftJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("settings", state.settings());
        ObjectNode documents = root.putObject("documents");
        state.documents().forEach((id, entry) -> documents.putObject(id)
                .put("contentHash", entry.contentHash())
                .put("chunkCount", entry.chunkCount()));
        try {
            writeAtomically(WeftJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException | UncheckedIOException e) {
            throw new WeftException("Cannot write the ingestion manifest " + file + ": " + e.getMessage()
                    + "; the store is committed, so the next run will ingest the same documents again", e);
        }
    }

    private void writeAtomically(String json) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return file == null ? "IngestionManifest[in memory]" : "IngestionManifest[" + file + "]";
    }
}
