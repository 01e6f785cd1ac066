package dev.weft.core.cache;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.testing.ChatValues;
import dev.weft.core.testing.ModelValues;
import dev.weft.core.testing.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.instancio.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated requests, and variations of them: changes to one thing that can change the answer (which must change
 * the cache key), and changes to things that cannot (which must not).
 */
final class RequestVariations {
    private RequestVariations() {}

    /** A request and the model it is sent to. */
    record Subject(ChatRequest request, ModelInfo model) {
        Subject withRequest(ChatRequest r) {
            return new Subject(r, model);
        }
    }

    /** One change, named for the assertion message. */
    record Change(String what, Subject before, Subject after) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Subject subject(Random r) {
        return new Subject(ChatValues.chatRequest(r), ModelValues.modelInfo(r));
    }

    /** A subject whose request ends with a user turn, as the semantic cache needs. */
    static Subject endingWithUserTurn(Random r) {
        Subject s = subject(r);
        List<Message> messages = new ArrayList<>(s.request().messages());
        messages.add(new UserMessage(Texts.nonBlank(r, 30)));
        return s.withRequest(withMessages(s.request(), messages));
    }

    private interface Kind extends BiFunction<Subject, Random, Subject> {}

    private record NamedKind(String name, Kind kind) {}

    /**
     * A change to one thing that can change the answer. With {@code keepFinalTurn}, the request's last message is
     * left alone (and stays last), for the semantic cache's context hash.
     */
    static Change change(Random r, boolean keepFinalTurn) {
        List<NamedKind> kinds = kinds(keepFinalTurn);
        NamedKind k = kinds.get(r.intRange(0, kinds.size() - 1));
        Subject before = keepFinalTurn ? endingWithUserTurn(r) : subject(r);
        return new Change(k.name(), before, k.kind().apply(before, r));
    }

    private static List<NamedKind> kinds(boolean keepFinalTurn) {
        List<NamedKind> kinds = new ArrayList<>();
        kinds.add(new NamedKind("model id", (s, r) -> new Subject(s.request(), model(s.model(), s.model().id() + "x", s.model().provider(), s.model().version()))));
        kinds.add(new NamedKind("model provider", (s, r) -> new Subject(s.request(), model(s.model(), s.model().id(), s.model().provider() + "x", s.model().version()))));
        kinds.add(new NamedKind("model version", (s, r) -> new Subject(s.request(), model(s.model(), s.model().id(), s.model().provider(), s.model().version() + "x"))));
        kinds.add(new NamedKind("system prompt", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            for (int i = 0; i < last; i++) {
                if (ms.get(i) instanceof SystemMessage sm) {
                    ms.set(i, new SystemMessage(sm.text() + "x"));
                    return;
                }
            }
            ms.add(0, ChatValues.systemMessage(r));
        }))));
        kinds.add(new NamedKind("a message's text", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            if (last == 0) {
                ms.add(0, new UserMessage(Texts.text(r, 10)));
                return;
            }
            int i = r.intRange(0, last - 1);
            ms.set(i, switch (ms.get(i)) {
                case SystemMessage m -> new SystemMessage(m.text() + "x");
                case UserMessage m -> new UserMessage(m.text() + "x");
                case AssistantMessage m -> new AssistantMessage(m.text() + "x", m.toolCalls());
                case ToolResultMessage m -> new ToolResultMessage(m.toolCallId(), m.toolName(), m.content() + "x", m.error());
            });
        }))));
        kinds.add(new NamedKind("a tool call", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            for (int i = 0; i < last; i++) {
                if (ms.get(i) instanceof AssistantMessage a && a.hasToolCalls()) {
                    List<ToolCall> calls = new ArrayList<>(a.toolCalls());
                    ToolCall c = calls.getFirst();
                    calls.set(0, switch (r.intRange(0, 2)) {
                        case 0 -> new ToolCall(c.id() + "x", c.name(), c.arguments());
                        case 1 -> new ToolCall(c.id(), c.name() + "x", c.arguments());
                        default -> new ToolCall(c.id(), c.name(), c.arguments() + " ");
                    });
                    ms.set(i, new AssistantMessage(a.text(), calls));
                    return;
                }
            }
            ms.add(last, new AssistantMessage(null, List.of(ChatValues.toolCall(r))));
        }))));
        kinds.add(new NamedKind("a tool result's error flag", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            for (int i = 0; i < last; i++) {
                if (ms.get(i) instanceof ToolResultMessage t) {
                    ms.set(i, new ToolResultMessage(t.toolCallId(), t.toolName(), t.content(), !t.error()));
                    return;
                }
            }
            ms.add(last, ChatValues.toolResultMessage(r));
        }))));
        kinds.add(new NamedKind("message order", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            for (int i = 0; i + 1 < last; i++) {
                if (!ms.get(i).equals(ms.get(i + 1))) {
                    Message m = ms.get(i);
                    ms.set(i, ms.get(i + 1));
                    ms.set(i + 1, m);
                    return;
                }
            }
            ms.add(last, ChatValues.message(r));
        }))));
        kinds.add(new NamedKind("a message removed", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn, (ms, last) -> {
            if (last >= 1 && ms.size() > 1) {
                ms.remove(r.intRange(0, last - 1));
            } else {
                ms.add(last, ChatValues.message(r));
            }
        }))));
        kinds.add(new NamedKind("a message added", (s, r) -> s.withRequest(messages(s.request(), keepFinalTurn,
                (ms, last) -> ms.add(r.intRange(0, last), ChatValues.message(r))))));
        kinds.add(new NamedKind("tools", (s, r) -> s.withRequest(tools(s.request(), r))));
        kinds.add(new NamedKind("response format", (s, r) -> s.withRequest(s.request().toBuilder().responseFormat(
                switch (s.request().responseFormat()) {
                    case ResponseFormat.Text t -> ResponseFormat.JSON;
                    case ResponseFormat.Json j -> ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}");
                    case ResponseFormat.JsonSchema js -> r.trueOrFalse()
                            ? new ResponseFormat.JsonSchema(js.name(), js.schema(), !js.strict())
                            : ResponseFormat.TEXT;
                }).build())));
        for (String field : List.of("temperature", "topP", "topK", "maxTokens", "seed", "stop", "repetitionPenalty")) {
            kinds.add(new NamedKind("sampling." + field, (s, r) -> s.withRequest(s.request().withSampling(sampling(s.request().sampling(), field)))));
        }
        kinds.add(new NamedKind("tenant", (s, r) -> {
            RequestContext c = s.request().context();
            String tenant = c.tenantId() == null ? Texts.text(r, 5) : c.tenantId() + "x";
            return s.withRequest(s.request().withContext(new RequestContext(c.userId(), tenant, c.feature(), c.conversationId(), c.attributes())));
        }));
        return kinds;
    }

    /** {@code request} with everything in its context but the tenant replaced by generated values. */
    static ChatRequest otherContextSameTenant(ChatRequest request, Random r) {
        RequestContext g = ChatValues.requestContext(r);
        RequestContext c = new RequestContext(Texts.text(r, 10), request.context().tenantId(), Texts.text(r, 10),
                Texts.text(r, 10), g.attributes());
        return request.withContext(r.trueOrFalse() ? c : RequestContext.builder()
                .tenantId(request.context().tenantId())
                .attribute(RequestContext.PROMPT_ID, Texts.text(r, 8))
                .attribute(RequestContext.PROMPT_VERSION, Texts.text(r, 3))
                .attribute(RequestContext.EXPERIMENT_VARIANT, Texts.text(r, 3))
                .build());
    }

    /** {@code node} rebuilt with every object's properties in reverse order: {@code equals} to it, written differently. */
    static JsonNode reordered(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = names.size() - 1; i >= 0; i--) {
                o.set(names.get(i), reordered(node.get(names.get(i))));
            }
            return o;
        }
        if (node.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(v -> a.add(reordered(v)));
            return a;
        }
        return node;
    }

    /** {@code request} with its tool schemas and response schema rebuilt by {@link #reordered}. */
    static ChatRequest withReorderedJson(ChatRequest request) {
        List<ToolSpec> tools = request.tools().stream()
                .map(t -> new ToolSpec(t.name(), t.description(), reordered(t.parameters()))).toList();
        ResponseFormat format = request.responseFormat() instanceof ResponseFormat.JsonSchema js
                ? new ResponseFormat.JsonSchema(js.name(), reordered(js.schema()), js.strict())
                : request.responseFormat();
        return new ChatRequest(request.messages(), tools, format, request.sampling(), request.context());
    }

    private static ModelInfo model(ModelInfo m, String id, String provider, String version) {
        return new ModelInfo(id, provider, version, m.capabilities(), m.contextWindow(), m.pricing(), m.attributes());
    }

    private interface MessageEdit {
        /** Edits {@code ms}; indexes below {@code last} may be changed, {@code last} is where insertions may go. */
        void apply(List<Message> ms, int last);
    }

    private static ChatRequest messages(ChatRequest request, boolean keepFinalTurn, MessageEdit edit) {
        List<Message> ms = new ArrayList<>(request.messages());
        edit.apply(ms, keepFinalTurn ? ms.size() - 1 : ms.size());
        return withMessages(request, ms);
    }

    static ChatRequest withMessages(ChatRequest request, List<Message> messages) {
        return new ChatRequest(messages, request.tools(), request.responseFormat(), request.sampling(), request.context());
    }

    private static ChatRequest tools(ChatRequest request, Random r) {
        List<ToolSpec> tools = new ArrayList<>(request.tools());
        int choice = tools.isEmpty() ? 0 : r.intRange(0, 3);
        switch (choice) {
            case 0 -> {
                ToolSpec t = ChatValues.toolSpec(r);
                String name = t.name();
                while (hasTool(tools, name)) {
                    name = name.length() < 64 ? name + "x" : "t" + r.intRange(0, 1_000_000);
                }
                tools.add(new ToolSpec(name, t.description(), t.parameters()));
            }
            case 1 -> tools.remove(r.intRange(0, tools.size() - 1));
            case 2 -> {
                ToolSpec t = tools.getFirst();
                tools.set(0, new ToolSpec(t.name(), t.description() + "x", t.parameters()));
            }
            default -> {
                ToolSpec t = tools.getFirst();
                ObjectNode p = ((ObjectNode) t.parameters()).deepCopy();
                p.put("additionalProperties", !p.path("additionalProperties").asBoolean(true));
                tools.set(0, new ToolSpec(t.name(), t.description(), p));
            }
        }
        return new ChatRequest(request.messages(), tools, request.responseFormat(), request.sampling(), request.context());
    }

    private static boolean hasTool(List<ToolSpec> tools, String name) {
        return tools.stream().anyMatch(t -> t.name().equals(name));
    }

    private static Sampling sampling(Sampling s, String field) {
        Sampling.Builder b = s.toBuilder();
        return switch (field) {
            case "temperature" -> b.temperature(s.temperature() == null ? 0.5 : s.temperature() + 0.25).build();
            case "topP" -> b.topP(s.topP() == null ? 0.5 : s.topP() / 2).build();
            case "topK" -> b.topK(s.topK() == null ? 5 : s.topK() + 1).build();
            case "maxTokens" -> b.maxTokens(s.maxTokens() == null ? 100 : s.maxTokens() + 1).build();
            case "seed" -> b.seed(s.seed() == null ? 1L : s.seed() + 1).build();
            case "stop" -> {
                List<String> stop = new ArrayList<>(s.stop());
                stop.add("STOP");
                yield b.stop(stop).build();
            }
            default -> b.repetitionPenalty(s.repetitionPenalty() == null ? 1.1 : s.repetitionPenalty() + 0.5).build();
        };
    }
}
