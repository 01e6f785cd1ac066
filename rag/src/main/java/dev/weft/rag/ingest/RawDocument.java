package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import java.util.Locale;
import java.util.Optional;

/**
 * A source entry's bytes, read and hashed, as a {@link DocumentLoader} receives them. Immutable and thread-safe:
 * {@link #bytes()} returns a copy.
 */
public final class RawDocument {
    private final String id;
    private final String location;
    private final String mediaType;
    private final byte[] bytes;
    private final String contentHash;

    private RawDocument(String id, String location, String mediaType, byte[] bytes) {
        this.id = Preconditions.notBlank(id, "id");
        this.location = Preconditions.notNull(location, "location of '" + id + "'");
        this.mediaType = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).strip();
        this.bytes = Preconditions.notNull(bytes, "bytes of '" + id + "'").clone();
        this.contentHash = ContentHash.of(this.bytes);
    }

    /**
     * A raw document.
     *
     * @param id the document's id
     * @param location its path or URI
     * @param mediaType its media type, null or empty when unknown; parameters such as {@code ;charset=} are kept
     * @param bytes its content
     */
    public static RawDocument of(String id, String location, String mediaType, byte[] bytes) {
        return new RawDocument(id, location, mediaType, bytes);
    }

    /** The document's id. */
    public String id() {
        return id;
    }

    /** Its path or URI. */
    public String location() {
        return location;
    }

    /** Its media type without parameters, such as {@code text/html}, when known. */
    public Optional<String> mediaType() {
        int semicolon = mediaType.indexOf(';');
        String type = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip();
        return type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    /** The extension of the location's (else the id's) file name, lower case, without the dot; empty if none. */
    public String extension() {
        String name = fileName(location.isEmpty() ? id : location);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String fileName(String pathOrUri) {
        String s = pathOrUri;
        int cut = s.indexOf('?');
        s = cut >= 0 ? s.substring(0, cut) : s;
        cut = s.indexOf('#');
        s = cut >= 0 ? s.substring(0, cut) : s;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** A copy of its bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes it has. */
    public int size() {
        return bytes.length;
    }

    /** The SHA-256 of its bytes in lower-case hex: what the pipeline compares to decide whether it changed. */
    public String contentHash() {
        return contentHash;
    }

    /** The bytes, not copied, for the loaders of this package. */
    byte[] bytesNoCopy() {
        return bytes;
    }

    @Override
    public String toString() {
        return "RawDocument[id=" + id + ", location=" + location + ", bytes=" + bytes.length + "]";
    }
}
