package dev.weft.core.openai;

import dev.weft.core.json.WeftJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The provider's explanation of an error, from whichever shape it sent: OpenAI's
 * {@code {"error":{"message","type","param","code"}}}, a bare {@code {"error":"..."}}, vLLM's flat
 * {@code {"object":"error","message","type","code"}}, FastAPI's {@code {"detail":...}}, or no JSON at all
 * (a proxy's HTML 502 page), which is kept as a short excerpt.
 *
 * @param message what the provider said, never null
 * @param type the provider's error type, empty when none
 * @param code the provider's error code, empty when none (numbers are kept as text)
 */
record ErrorBody(String message, String type, String code) {
    private static final int MAX_MESSAGE = 500;

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody("(empty body)", "", "");
        }
        JsonNode root;
        try {
            root = WeftJson.mapper().readTree(body);
        } catch (JacksonException e) {
            return new ErrorBody(excerpt(body), "", "");
        }
        return from(root, body);
    }

    /** The error described by {@code root}, which may be an error object or hold one under {@code error}. */
    static ErrorBody from(JsonNode root, String body) {
        if (root == null || !root.isObject()) {
            return new ErrorBody(excerpt(body), "", "");
        }
        JsonNode error = root.get("error");
        if (error != null && error.isString()) {
            return new ErrorBody(error.stringValue(), text(root.get("type")), text(root.get("code")));
        }
        JsonNode holder = error != null && error.isObject() ? error : root;
        String message = text(holder.get("message"));
        if (message.isEmpty()) {
            message = text(holder.get("detail"));
        }
        if (message.isEmpty()) {
            message = excerpt(body);
        }
        return new ErrorBody(message, text(holder.get("type")), text(holder.get("code")));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isValueNode() ? node.asString() : excerpt(node.toString());
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
    }
}
