package dev.weft.core.testing;

import org.instancio.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small generated JSON trees whose node types survive a write and a read unchanged: ints as int nodes, longs
 * beyond the int range as long nodes, finite doubles as double nodes.
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** A JSON object of 0–4 members, nested at most {@code depth} levels. */
    public static ObjectNode object(Random r, int depth) {
        ObjectNode o = NODES.objectNode();
        int members = r.intRange(0, 4);
        for (int i = 0; i < members; i++) {
            o.set(Texts.text(r, 8), value(r, depth - 1));
        }
        return o;
    }

    /** A JSON Schema-looking object: {@code type: object} with generated properties. */
    public static ObjectNode schema(Random r) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "object");
        o.set("properties", object(r, 2));
        if (r.trueOrFalse()) {
            o.putArray("required").add(Texts.text(r, 6));
        }
        return o;
    }

    private static JsonNode value(Random r, int depth) {
        int kinds = depth > 0 ? 9 : 7;
        return switch (r.intRange(0, kinds - 1)) {
            case 0 -> NODES.stringNode(Texts.text(r, 10));
            case 1 -> NODES.numberNode(r.intRange(Integer.MIN_VALUE, Integer.MAX_VALUE));
            case 2 -> NODES.numberNode(r.trueOrFalse() ? r.longRange(Integer.MAX_VALUE + 1L, Long.MAX_VALUE)
                    : r.longRange(Long.MIN_VALUE, Integer.MIN_VALUE - 1L));
            case 3 -> NODES.numberNode(r.doubleRange(-1e6, 1e6));
            case 4 -> NODES.booleanNode(r.trueOrFalse());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.numberNode(r.oneOf(0.0, -0.0, 1.5, 1e300, Double.MIN_VALUE, 3.0));
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                int n = r.intRange(0, 3);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth - 1));
                }
                yield a;
            }
            default -> object(r, depth - 1);
        };
    }
}
