package dev.weft.core.testing;

import dev.weft.core.json.WeftJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payloads in the exact shape the OpenAI API sends them, for {@link OpenAiWireServer}: non-streamed completions
 * and embeddings pretty-printed with two-space indentation; error bodies with four; stream chunks as compact JSON
 * in OpenAI's key order ({@code id, object, created, model, service_tier, system_fingerprint, choices, usage,
 * obfuscation}), each framed as {@code data: …\n\n} and the stream closed by {@code data: [DONE]\n\n}. With
 * {@code stream_options.include_usage} every chunk carries {@code "usage":null} and a last chunk with empty
 * {@code choices} carries the usage.
 */
public final class OpenAiWire {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The snapshot OpenAI reports for {@code gpt-4o-mini}. */
    public static final String SNAPSHOT = "gpt-4o-mini-2024-07-18";

    private OpenAiWire() {}

    /** An error body: {@code {"error":{"message","type","param","code"}}}, indented by four, ending in a newline. */
    public static String error(String message, String type, String code) {
        ObjectNode root = NODES.objectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        if (type == null) {
            e.putNull("type");
        } else {
            e.put("type", type);
        }
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return pretty(root, 4) + "\n";
    }

    /** A non-streamed completion, to be built. */
    public static Completion completion() {
        return new Completion();
    }

    /** A stream, to be built chunk by chunk. */
    public static Stream stream() {
        return new Stream();
    }

    /** An embeddings answer for {@code vectors}, in order, as OpenAI pretty-prints it. */
    public static String embeddings(List<float[]> vectors, String model, int promptTokens) {
        ObjectNode root = NODES.objectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode v = item.putArray("embedding");
            for (float x : vectors.get(i)) {
                v.add(x);
            }
        }
        root.put("model", model);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return pretty(root, 2);
    }

    /** A usage object as OpenAI writes it, with its details. */
    static ObjectNode usageNode(long prompt, long completion) {
        ObjectNode u = NODES.objectNode();
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", completion);
        u.put("total_tokens", prompt + completion);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }

    /** Builds a non-streamed chat completion body. */
    public static final class Completion {
        private String content = "";
        private boolean nullContent;
        private String refusal;
        private final List<String[]> calls = new ArrayList<>();
        private String finishReason = "stop";
        private long prompt = 19;
        private long completion = 10;
        private String model = SNAPSHOT;

        public Completion content(String content) {
            this.content = content;
            return this;
        }

        public Completion refusal(String refusal) {
            this.refusal = refusal;
            this.nullContent = true;
            return this;
        }

        public Completion toolCall(String id, String name, String arguments) {
            calls.add(new String[] {id, name, arguments});
            nullContent = content.isEmpty();
            finishReason = "tool_calls";
            return this;
        }

        public Completion finishReason(String finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        public Completion usage(long prompt, long completion) {
            this.prompt = prompt;
            this.completion = completion;
            return this;
        }

        public Completion model(String model) {
            this.model = model;
            return this;
        }

        /** The tree, for tests that bend it. */
        public ObjectNode tree() {
            ObjectNode root = NODES.objectNode();
            root.put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
            root.put("object", "chat.completion");
            root.put("created", 1741569952);
            root.put("model", model);
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (nullContent) {
                message.putNull("content");
            } else {
                message.put("content", content);
            }
            if (!calls.isEmpty()) {
                ArrayNode tc = message.putArray("tool_calls");
                for (String[] c : calls) {
                    ObjectNode call = tc.addObject().put("id", c[0]).put("type", "function");
                    call.putObject("function").put("name", c[1]).put("arguments", c[2]);
                }
            }
            if (refusal == null) {
                message.putNull("refusal");
            } else {
                message.put("refusal", refusal);
            }
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
            root.set("usage", usageNode(prompt, completion));
            root.put("service_tier", "default");
            root.put("system_fingerprint", "fp_34a54ae93c");
            return root;
        }

        /** The body, pretty-printed as OpenAI sends it. */
        public String json() {
            return pretty(tree(), 2);
        }
    }

    /** Builds a streamed answer's server-sent events. */
    public static final class Stream {
        private final List<String> events = new ArrayList<>();
        private boolean started;
        private int obfuscation;

        private ObjectNode chunk(ObjectNode delta, String finishReason) {
            ObjectNode c = NODES.objectNode();
            c.put("id", "chatcmpl-BxHYq7Ka1yNQZEUD8hVqLxMFrD3Tc");
            c.put("object", "chat.completion.chunk");
            c.put("created", 1753000000);
            c.put("model", SNAPSHOT);
            c.put("service_tier", "default");
            c.put("system_fingerprint", "fp_34a54ae93c");
            ArrayNode choices = c.putArray("choices");
            if (delta != null) {
                ObjectNode choice = choices.addObject();
                choice.put("index", 0);
                choice.set("delta", delta);
                choice.putNull("logprobs");
                if (finishReason == null) {
                    choice.putNull("finish_reason");
                } else {
                    choice.put("finish_reason", finishReason);
                }
            }
            c.putNull("usage");
            c.put("obfuscation", "x".repeat(1 + (obfuscation++ % 7)));
            return c;
        }

        private ObjectNode firstDelta() {
            ObjectNode d = NODES.objectNode();
            if (!started) {
                started = true;
                d.put("role", "assistant");
            }
            return d;
        }

        private Stream add(ObjectNode chunk) {
            events.add("data: " + chunk + "\n\n");
            return this;
        }

        /** The opening chunk OpenAI sends before text: role, empty content, null refusal. */
        public Stream role() {
            ObjectNode d = firstDelta();
            d.put("content", "");
            d.putNull("refusal");
            return add(chunk(d, null));
        }

        /** One content chunk per piece. */
        public Stream text(String... pieces) {
            for (String p : pieces) {
                ObjectNode d = firstDelta();
                d.put("content", p);
                add(chunk(d, null));
            }
            return this;
        }

        /** One refusal chunk per piece. */
        public Stream refusal(String... pieces) {
            for (String p : pieces) {
                ObjectNode d = firstDelta();
                d.put("refusal", p);
                add(chunk(d, null));
            }
            return this;
        }

        /** The first chunk of tool call {@code index}: id, type, name and empty arguments. */
        public Stream toolCallStart(int index, String id, String name) {
            ObjectNode d = firstDelta();
            if (d.has("role")) {
                d.putNull("content");
            }
            ObjectNode call = d.putArray("tool_calls").addObject();
            call.put("index", index).put("id", id).put("type", "function");
            call.putObject("function").put("name", name).put("arguments", "");
            if (d.has("role")) {
                d.putNull("refusal");
            }
            return add(chunk(d, null));
        }

        /** A further fragment of tool call {@code index}'s arguments. */
        public Stream toolCallArguments(int index, String fragment) {
            ObjectNode d = firstDelta();
            ObjectNode call = d.putArray("tool_calls").addObject();
            call.put("index", index);
            call.putObject("function").put("arguments", fragment);
            return add(chunk(d, null));
        }

        /** The closing chunk: an empty delta with the finish reason. */
        public Stream finish(String reason) {
            return add(chunk(NODES.objectNode(), reason));
        }

        /** The usage chunk: empty choices, the usage. */
        public Stream usage(long prompt, long completion) {
            ObjectNode c = chunk(null, null);
            c.set("usage", usageNode(prompt, completion));
            return add(c);
        }

        /** Any event data, framed as an event. */
        public Stream raw(String data) {
            events.add("data: " + data + "\n\n");
            return this;
        }

        /** Any bytes at all, unframed. */
        public Stream verbatim(String text) {
            events.add(text);
            return this;
        }

        /** {@code data: [DONE]}. */
        public Stream done() {
            events.add("data: [DONE]\n\n");
            return this;
        }

        /** The events so far, one string each. */
        public List<String> events() {
            return List.copyOf(events);
        }

        /** The whole body. */
        public String sse() {
            return String.join("", events);
        }
    }

    /** {@code node} pretty-printed: {@code "key": value}, one member per line, {@code indent} spaces, {@code []} when empty. */
    public static String pretty(JsonNode node, int indent) {
        StringBuilder sb = new StringBuilder();
        pretty(node, indent, 0, sb);
        return sb.toString();
    }

    private static void pretty(JsonNode node, int indent, int depth, StringBuilder sb) {
        if (node.isObject() && !node.isEmpty()) {
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(" ".repeat(indent * (depth + 1))).append(WeftJson.mapper().writeValueAsString(e.getKey())).append(": ");
                pretty(e.getValue(), indent, depth + 1, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent * depth)).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                sb.append(" ".repeat(indent * (depth + 1)));
                pretty(node.get(i), indent, depth + 1, sb);
                sb.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent * depth)).append(']');
        } else {
            sb.append(node.toString());
        }
    }
}
