package dev.weft.core.prompt;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON Schema with networknt's json-schema-validator, in two steps: it validates the schema against the
 * meta-schema its {@code $schema} names (draft 2020-12 when it names none, the dialect OpenAI's structured outputs
 * speak), with format assertions on so that a {@code pattern} must be a regular expression and a {@code $ref} a
 * URI reference; then it compiles the schema, which resolves every {@code $ref}. References resolve only inside the
 * schema (JSON pointers, anchors, embedded {@code $id}s): nothing is fetched from the network or the file system.
 *
 * <p>Thread-safe: the meta-schemas are compiled once per dialect and shared; each schema is compiled by a registry
 * of its own, so that the {@code $id}s of one prompt's schema cannot leak into another's.
 */
final class SchemaCheck {
    private static final SpecificationVersion DEFAULT = SpecificationVersion.DRAFT_2020_12;
    /** The base IRI of a schema without an {@code $id}; relative references resolve against it and fail. */
    private static final SchemaLocation BASE = SchemaLocation.of("weft:prompt-schema");
    /** How many bad places a message names; the first is usually the one to fix. */
    private static final int MAX_PLACES = 3;
    private static final Map<SpecificationVersion, Schema> META_SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {}

    /**
     * What is wrong with {@code schema}, as a sentence that names the JSON pointer of the bad node with the validator's
     * message; null when nothing is.
     */
    static String fault(JsonNode schema) {
        JsonNode declared = schema.get("$schema");
        SpecificationVersion version = DEFAULT;
        if (declared != null) {
            if (!declared.isString()) {
                return "the schema is not a valid JSON Schema: '/$schema' must be a string naming a meta-schema, but is "
                        + SchemaReader.kind(declared);
            }
            version = version(declared.asString());
            if (version == null) {
                return "the schema's '/$schema' names \"" + declared.asString() + "\", which is not a JSON Schema dialect Weft "
                        + "can validate. Use one of " + Arrays.stream(SpecificationVersion.values())
                        .map(v -> "\"" + v.getDialectId() + "\"").collect(Collectors.joining(", "))
                        + ", or leave '$schema' out for draft 2020-12";
            }
        }
        List<Error> errors = META_SCHEMAS.computeIfAbsent(version, SchemaCheck::metaSchema).validate(schema);
        if (!errors.isEmpty()) {
            return "the schema is not a valid " + name(version) + " JSON Schema: " + describe(errors);
        }
        try {
            registry(version, false).getSchema(BASE, schema).initializeValidators();
            return null;
        } catch (SchemaException e) {
            String ref = badReference(schema, e.getMessage());
            return "the schema's references do not resolve: " + (ref == null ? "" : ref + ": ") + e.getMessage()
                    + ". A $ref must point inside the schema, such as "
                    + "\"#/$defs/name\"; other documents are not fetched";
        }
    }

    /** The dialect {@code id} names, allowing for an empty fragment ({@code #}) written or left out; null if none. */
    private static SpecificationVersion version(String id) {
        String bare = id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
        for (SpecificationVersion v : SpecificationVersion.values()) {
            String known = v.getDialectId();
            if (bare.equals(known.endsWith("#") ? known.substring(0, known.length() - 1) : known)) {
                return v;
            }
        }
        return null;
    }

    private static Schema metaSchema(SpecificationVersion version) {
        Schema meta = registry(version, true).getSchema(SchemaLocation.of(version.getDialectId()));
        meta.initializeValidators();
        return meta;
    }

    /**
     * A registry that reads the meta-schemas bundled in the validator's jar and nothing else. With
     * {@code formatAssertions}, {@code format} is checked rather than only noted, which the meta-schemas rely on for
     * {@code pattern} ({@code "format": "regex"}) and {@code $ref} ({@code "format": "uri-reference"}).
     */
    private static SchemaRegistry registry(SpecificationVersion version, boolean formatAssertions) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(formatAssertions)
                .build();
        return SchemaRegistry.withDefaultDialect(version, registry -> registry
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    /**
     * The errors grouped by the node they are about, each node's distinct messages once: a keyword such as
     * {@code type} that allows several shapes reports why each shape failed.
     */
    private static String describe(List<Error> errors) {
        Map<String, Set<String>> byPlace = new LinkedHashMap<>();
        for (Error error : errors) {
            byPlace.computeIfAbsent(error.getInstanceLocation().toString(), k -> new LinkedHashSet<>())
                    .add(error.getMessage());
        }
        List<String> places = new ArrayList<>();
        for (Map.Entry<String, Set<String>> place : byPlace.entrySet()) {
            if (places.size() == MAX_PLACES) {
                places.add("and " + (byPlace.size() - MAX_PLACES) + " more");
                break;
            }
            places.add(at(place.getKey()) + ": " + String.join("; ", place.getValue()));
        }
        return String.join(", ", places);
    }

    /**
     * The pointer to the first {@code $ref} that {@code message} (networknt's, for a reference it could not resolve
     * or load) is about, or null when none can be told. networknt names the reference without its {@code #}, or the
     * document it could not load.
     */
    private static String badReference(JsonNode schema, String message) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<String, String> ref : references(schema, "", new LinkedHashMap<>()).entrySet()) {
            String value = ref.getValue();
            int hash = value.indexOf('#');
            String fragment = hash < 0 ? value : value.substring(hash + 1);
            String document = hash < 0 ? value : value.substring(0, hash);
            if (!fragment.isEmpty() && message.contains(fragment) || !document.isEmpty() && message.contains(document)) {
                return at(ref.getKey());
            }
        }
        return null;
    }

    /** Every {@code $ref} with a string value, by JSON pointer, skipping the values that are data, not schemas. */
    private static Map<String, String> references(JsonNode node, String pointer, Map<String, String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                String here = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (key.equals("$ref") && e.getValue().isString()) {
                    found.put(here, e.getValue().asString());
                } else if (!Set.of("enum", "const", "default", "examples").contains(key)) {
                    references(e.getValue(), here, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), pointer + "/" + i, found);
            }
        }
        return found;
    }

    private static String name(SpecificationVersion version) {
        return switch (version) {
            case DRAFT_4 -> "draft-04";
            case DRAFT_6 -> "draft-06";
            case DRAFT_7 -> "draft-07";
            case DRAFT_2019_09 -> "draft 2019-09";
            case DRAFT_2020_12 -> "draft 2020-12";
            default -> version.getDialectId();
        };
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "the schema" : "'" + pointer + "'";
    }
}
