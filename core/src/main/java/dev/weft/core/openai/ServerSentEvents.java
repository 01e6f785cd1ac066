package dev.weft.core.openai;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads server-sent events as the HTML Living Standard frames them: lines end in CR, LF or CRLF; a blank line
 * ends an event; {@code data:} lines (one optional space after the colon) are joined with LF; {@code event:}
 * names the event; lines starting with a colon are comments (keep-alives, such as OpenRouter's
 * {@code : OPENROUTER PROCESSING}); {@code id:} and {@code retry:} are ignored. An event with no data is not
 * dispatched. Not thread-safe.
 */
final class ServerSentEvents {
    /** One dispatched event. {@code type} is {@code message} unless the server named it. */
    record Event(String type, String data) {}

    private final BufferedReader reader;
    private String partial = "";

    ServerSentEvents(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next event, blocking; null at the end of the stream. */
    Event next() throws IOException {
        StringBuilder data = null;
        String type = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(type == null ? "message" : type, data.toString());
                }
                type = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1);
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> type = value;
                default -> { }
            }
        }
        partial = data == null ? "" : data.toString();
        return null;
    }

    /** The data of an event cut off by the end of the stream, for error reports; empty when none. */
    String partial() {
        return partial;
    }
}
