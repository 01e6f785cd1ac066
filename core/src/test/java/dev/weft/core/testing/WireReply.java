package dev.weft.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link OpenAiWireServer} sends for one request: a status, headers, and a body written in the given pieces
 * (each piece is flushed on its own, so a test controls how the bytes are cut across TCP writes), then an ending:
 * finish normally, drop the connection, or stall until the server closes. Immutable.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param pieces the body, in the order and cuts it is written; empty for no body
 * @param chunked whether the body goes out with chunked transfer encoding (streams) or a Content-Length
 * @param ending what happens after the pieces
 * @param stallBeforeHeaders whether to wait (until the server closes) before sending even the headers
 */
public record WireReply(int status, Map<String, String> headers, List<byte[]> pieces, boolean chunked, Ending ending,
        boolean stallBeforeHeaders) {

    /** What happens after the body's pieces are written. */
    public enum Ending {
        /** The response ends properly. */
        COMPLETE,
        /** The connection is dropped without ending the response (a reset mid-stream). */
        DROP,
        /** Nothing more is sent until the server closes: a stalled upstream. */
        STALL
    }

    public WireReply {
        headers = Map.copyOf(headers);
        pieces = List.copyOf(pieces);
    }

    /** A 200 JSON answer, as OpenAI sends non-streamed responses. */
    public static WireReply json(String body) {
        return json(200, body);
    }

    /** A JSON answer with {@code status}. */
    public static WireReply json(int status, String body) {
        return new WireReply(status, Map.of("Content-Type", "application/json"), List.of(bytes(body)), false, Ending.COMPLETE, false);
    }

    /** A body of any content type. */
    public static WireReply body(int status, String contentType, String body) {
        return new WireReply(status, Map.of("Content-Type", contentType), List.of(bytes(body)), false, Ending.COMPLETE, false);
    }

    /** A 200 event stream whose body is {@code sse}, written in one piece. */
    public static WireReply sse(String sse) {
        return new WireReply(200, Map.of("Content-Type", "text/event-stream; charset=utf-8"), List.of(bytes(sse)), true,
                Ending.COMPLETE, false);
    }

    /** A 200 event stream written in the given pieces. */
    public static WireReply ssePieces(List<byte[]> pieces) {
        return new WireReply(200, Map.of("Content-Type", "text/event-stream; charset=utf-8"), pieces, true, Ending.COMPLETE, false);
    }

    /** This reply with one more header. */
    public WireReply header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new WireReply(status, h, pieces, chunked, ending, stallBeforeHeaders);
    }

    /** This reply ending with {@code ending} after its pieces. */
    public WireReply then(Ending ending) {
        return new WireReply(status, headers, pieces, true, ending, stallBeforeHeaders);
    }

    /** This reply, but only after a stall before the headers (the slowest first byte). */
    public WireReply stallingBeforeHeaders() {
        return new WireReply(status, headers, pieces, chunked, ending, true);
    }

    /** This reply with its body cut into pieces at the given byte offsets. */
    public WireReply cutAt(int... offsets) {
        byte[] all = joined();
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int at : offsets) {
            if (at > from && at < all.length) {
                out.add(java.util.Arrays.copyOfRange(all, from, at));
                from = at;
            }
        }
        out.add(java.util.Arrays.copyOfRange(all, from, all.length));
        return new WireReply(status, headers, out, chunked, ending, stallBeforeHeaders);
    }

    /** The whole body. */
    public byte[] joined() {
        int n = pieces.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
