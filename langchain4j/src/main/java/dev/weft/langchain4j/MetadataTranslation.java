package dev.weft.langchain4j;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Converts metadata between the two libraries. Weft holds String, Long, Double and Boolean; LangChain4j holds String,
 * UUID, Integer, Long, Float and Double. UUIDs become strings and narrower numbers widen on the way in; on the way
 * out Boolean has no LangChain4j counterpart.
 */
final class MetadataTranslation {
    private MetadataTranslation() {}

    /** Weft's metadata for LangChain4j's: UUIDs as strings, Integer as Long, Float as Double. */
    static Metadata toWeft(dev.langchain4j.data.document.Metadata metadata) {
        if (metadata == null) {
            return Metadata.EMPTY;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        metadata.toMap().forEach((k, v) -> values.put(k, v instanceof UUID u ? u.toString() : v));
        return Metadata.of(values);
    }

    /**
     * LangChain4j metadata for storing {@code metadata}.
     *
     * @param owner names what the metadata belongs to in the error message
     * @throws InvalidInputException for a Boolean value, which LangChain4j's metadata cannot hold
     */
    static dev.langchain4j.data.document.Metadata toLangChain4jForStorage(Metadata metadata, String owner) {
        metadata.asMap().forEach((k, v) -> {
            if (v instanceof Boolean) {
                throw new InvalidInputException("metadata '" + k + "' of " + owner + " is a boolean, which LangChain4j's "
                        + "metadata cannot hold (it takes String, UUID, Integer, Long, Float and Double); store it as a "
                        + "string or a number instead");
            }
        });
        return new dev.langchain4j.data.document.Metadata(metadata.asMap());
    }

    /** LangChain4j metadata for showing {@code metadata}: Booleans become the strings "true" and "false". */
    static dev.langchain4j.data.document.Metadata toLangChain4jForReading(Metadata metadata) {
        Map<String, Object> values = new LinkedHashMap<>();
        metadata.asMap().forEach((k, v) -> values.put(k, v instanceof Boolean b ? b.toString() : v));
        return new dev.langchain4j.data.document.Metadata(values);
    }
}
