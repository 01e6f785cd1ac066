package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns the text of a {@code .prompt} file into a {@link Prompt}: splits the front matter from the body, gives
 * each front matter key its type, cuts the body into role sections and parses their templates, and checks the
 * declared variables against the ones the body uses. The format is documented on {@link Prompt}. Stateless.
 */
final class PromptParser {
    private static final String KNOWN_KEYS = "id, version, description, model, temperature, top_p, top_k, max_tokens, "
            + "seed, stop, repetition_penalty, response_format, schema, schema_file, schema_name, strict, variables";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String source;
    private final SiblingFiles siblings;

    private PromptParser(String source, SiblingFiles siblings) {
        this.source = source;
        this.siblings = siblings;
    }

    /** Parses a file's bytes, which must be UTF-8; a {@code schema_file} cannot be read. */
    static Prompt parse(String source, byte[] content) {
        return parse(source, content, SiblingFiles.none(source));
    }

    /** Parses a file's bytes, which must be UTF-8, reading a {@code schema_file} from {@code siblings}. */
    static Prompt parse(String source, byte[] content, SiblingFiles siblings) {
        return new PromptParser(source, siblings).prompt(canonical(utf8(source, content)));
    }

    /** Parses a file's text; a {@code schema_file} cannot be read. */
    static Prompt parse(String source, String text) {
        return new PromptParser(source, SiblingFiles.none(source)).prompt(canonical(text));
    }

    private static String utf8(String source, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PromptParseException(source, 0, "the file is not valid UTF-8. Save it as UTF-8");
        }
    }

    /** The text the hash is taken over: without a leading byte order mark, every line ending a {@code \n}. */
    static String canonical(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private Prompt prompt(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        if (!isFence(lines.getFirst())) {
            throw error(1, "a .prompt file starts with a '---' line that opens its front matter (id, version, ...)");
        }
        int close = 1;
        while (close < lines.size() && !isFence(lines.get(close))) {
            close++;
        }
        if (close == lines.size()) {
            throw error(lines.size(), "the front matter opened on line 1 is never closed. End it with a '---' line "
                    + "before the body");
        }
        FrontMatter matter = FrontMatterReader.read(lines.subList(1, close), 2, source);
        List<Section> sections = sections(lines.subList(close + 1, lines.size()), close + 2);
        return build(matter, sections, text);
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }

    private Prompt build(FrontMatter matter, List<Section> sections, String text) {
        String id = null;
        PromptVersion version = null;
        String description = "";
        String model = null;
        Sampling.Builder sampling = Sampling.builder();
        ResponseFormat responseFormat = ResponseFormat.TEXT;
        FrontMatter.Entry declared = null;
        FrontMatter.Entry format = null;
        Map<String, FrontMatter.Entry> schemaKeys = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (FrontMatter.Entry e : matter.entries().values()) {
            switch (e.key()) {
                case "id" -> {
                    id = text(e);
                    if (!ID.matcher(id).matches()) {
                        throw error(e.line(), "id '" + id + "' must start with a letter or digit and hold only letters, "
                                + "digits, '.', '_' and '-'");
                    }
                }
                case "version" -> {
                    try {
                        version = PromptVersion.parse(text(e));
                    } catch (InvalidInputException x) {
                        throw error(e.line(), x.getMessage());
                    }
                }
                case "description" -> description = text(e);
                case "model" -> model = text(e);
                case "temperature" -> sampling(e, sampling, b -> b.temperature(number(e)));
                case "top_p" -> sampling(e, sampling, b -> b.topP(number(e)));
                case "top_k" -> sampling(e, sampling, b -> b.topK((int) integer(e, Integer.MIN_VALUE, Integer.MAX_VALUE)));
                case "max_tokens" -> sampling(e, sampling, b -> b.maxTokens((int) integer(e, Integer.MIN_VALUE, Integer.MAX_VALUE)));
                case "seed" -> sampling(e, sampling, b -> b.seed(integer(e, Long.MIN_VALUE, Long.MAX_VALUE)));
                case "repetition_penalty" -> sampling(e, sampling, b -> b.repetitionPenalty(number(e)));
                case "stop" -> sampling(e, sampling, b -> b.stop(texts(e)));
                case "response_format" -> {
                    format = e;
                    responseFormat = switch (text(e)) {
                        case "text" -> ResponseFormat.TEXT;
                        case "json" -> ResponseFormat.JSON;
                        case "json_schema" -> null;
                        default -> throw error(e.line(), "response_format must be 'text', 'json' or 'json_schema', was '"
                                + text(e) + "'");
                    };
                }
                case "schema", "schema_file", "schema_name", "strict" -> schemaKeys.put(e.key(), e);
                case "variables" -> declared = e;
                default -> {
                    if (!e.key().startsWith("x-")) {
                        throw error(e.line(), "unknown key '" + e.key() + "'. Known keys: " + KNOWN_KEYS
                                + "; keys of your own start with 'x-'");
                    }
                    metadata.put(e.key(), text(e));
                }
            }
        }
        if (id == null || version == null) {
            throw error(1, "the front matter has no '" + (id == null ? "id" : "version") + "'. Every prompt needs an id "
                    + "and a version");
        }
        String hash = ContentHash.of(text);
        if (responseFormat == null) {
            JsonSchemaFormat schema = jsonSchema(id, format, schemaKeys);
            responseFormat = schema.format();
            if (schema.file() != null) {
                hash = ContentHash.of(hash + "\n" + ContentHash.of(schema.file()) + "\n");
            }
        } else if (!schemaKeys.isEmpty()) {
            FrontMatter.Entry stray = schemaKeys.values().iterator().next();
            throw error(stray.line(), "'" + stray.key() + "' applies only to 'response_format: json_schema', but "
                    + (format == null ? "the front matter sets no response_format" : "response_format is '"
                    + text(format) + "'") + ". Add 'response_format: json_schema' or remove '" + stray.key() + "'");
        }
        SequencedSet<String> variables = variables(sections, declared);
        return new Prompt(id, version, description, model, sampling.build(), responseFormat, variables, metadata, hash,
                source, sections);
    }

    /**
     * The response format of a {@code json_schema} prompt, and the canonical text of its schema file (null when the
     * schema is inline), which the hash covers.
     */
    private record JsonSchemaFormat(ResponseFormat.JsonSchema format, String file) {}

    private JsonSchemaFormat jsonSchema(String id, FrontMatter.Entry format, Map<String, FrontMatter.Entry> keys) {
        FrontMatter.Entry inline = keys.get("schema");
        FrontMatter.Entry file = keys.get("schema_file");
        if (inline == null && file == null) {
            throw error(format.line(), "response_format json_schema needs the schema: inline as 'schema: |' followed by "
                    + "the JSON indented below it, or in a file next to the prompt as 'schema_file: name.schema.json'");
        }
        if (inline != null && file != null) {
            throw error(Math.max(inline.line(), file.line()), "both 'schema' (line " + inline.line() + ") and "
                    + "'schema_file' (line " + file.line() + ") are given. Keep one of them");
        }
        JsonNode schema;
        String fileText = null;
        if (inline != null) {
            String json = text(inline);
            boolean literal = inline.value() instanceof FrontMatter.Text t && t.style() == FrontMatter.Style.LITERAL;
            schema = SchemaReader.read(json, new SchemaReader.Origin(source, literal ? inline.line() + 1 : 0,
                    inline.line(), " (the 'schema' of this prompt)"));
        } else {
            String name = text(file);
            SiblingFiles.SiblingFile read;
            try {
                read = siblings.read(name);
            } catch (PromptParseException x) {
                throw x;
            } catch (PromptLoadException x) {
                throw error(file.line(), "cannot read schema_file: " + x.getMessage());
            }
            String where = " (the schema_file of " + source + ":" + file.line() + ")";
            try {
                fileText = canonical(utf8(read.source(), read.content()));
            } catch (PromptParseException x) {
                throw new PromptParseException(read.source(), 0, "the schema file is not valid UTF-8" + where
                        + ". Save it as UTF-8");
            }
            schema = SchemaReader.read(fileText, new SchemaReader.Origin(read.source(), 1, 0, where));
        }
        String name = schemaName(id, keys.get("schema_name"));
        boolean strict = strict(keys.get("strict"));
        return new JsonSchemaFormat(new ResponseFormat.JsonSchema(name, schema, strict), fileText);
    }

    /** {@code schema_name} as given, else the id with every character outside {@code [A-Za-z0-9_-]} made {@code _}. */
    private String schemaName(String id, FrontMatter.Entry entry) {
        if (entry == null) {
            String name = id.replaceAll("[^A-Za-z0-9_-]", "_");
            return name.length() <= 64 ? name : name.substring(0, 64);
        }
        String name = text(entry);
        if (!SCHEMA_NAME.matcher(name).matches()) {
            throw error(entry.line(), "schema_name '" + name + "' must be 1 to 64 letters, digits, '_' or '-' (the "
                    + "providers' rule)");
        }
        return name;
    }

    private boolean strict(FrontMatter.Entry entry) {
        if (entry == null) {
            return true;
        }
        return switch (unquoted(entry, "true or false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(entry.line(), "'strict' must be true or false, was '" + text(entry) + "'");
        };
    }

    /** Applies one sampling key on its own first, so that an invalid value is reported on its line. */
    private void sampling(FrontMatter.Entry e, Sampling.Builder all, UnaryOperator<Sampling.Builder> set) {
        try {
            set.apply(Sampling.builder()).build();
        } catch (PromptParseException x) {
            throw x;
        } catch (InvalidInputException x) {
            throw error(e.line(), x.getMessage());
        }
        set.apply(all);
    }

    private SequencedSet<String> variables(List<Section> sections, FrontMatter.Entry declaredEntry) {
        Map<String, Integer> used = new LinkedHashMap<>();
        for (Section section : sections) {
            section.template().variables().forEach(used::putIfAbsent);
        }
        if (declaredEntry == null) {
            return new LinkedHashSet<>(used.keySet());
        }
        SequencedSet<String> declared = new LinkedHashSet<>();
        for (String name : texts(declaredEntry)) {
            if (!NAME.matcher(name).matches()) {
                throw error(declaredEntry.line(), "variable name '" + name + "' must be letters, digits and '_', not "
                        + "starting with a digit");
            }
            if (!declared.add(name)) {
                throw error(declaredEntry.line(), "variable '" + name + "' is declared twice");
            }
        }
        used.forEach((name, line) -> {
            if (!declared.contains(name)) {
                throw error(line, "the body uses {{" + name + "}} but 'variables' (line " + declaredEntry.line()
                        + ") does not declare it. Add it to the list or fix the name");
            }
        });
        for (String name : declared) {
            if (!used.containsKey(name)) {
                throw error(declaredEntry.line(), "variable '" + name + "' is declared but the body never uses it. "
                        + "Use {{" + name + "}} in the body or remove it from the list");
            }
        }
        return declared;
    }

    private List<Section> sections(List<String> body, int firstLine) {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (Section.Role.ofMarker(body.get(i)) != null) {
                markers.add(i);
            }
        }
        List<Section> sections = new ArrayList<>();
        if (markers.isEmpty()) {
            Section whole = section(Section.Role.USER, body, 0, body.size(), firstLine);
            if (whole == null) {
                throw error(firstLine - 1, "the prompt has no body. Write the prompt text after the closing '---'");
            }
            sections.add(whole);
            return sections;
        }
        for (int i = 0; i < markers.getFirst(); i++) {
            if (!body.get(i).isBlank()) {
                throw error(firstLine + i, "text before the first role marker. Put it under [system], [user] or "
                        + "[assistant], or remove the markers to send the whole body as one user message");
            }
        }
        for (int k = 0; k < markers.size(); k++) {
            int marker = markers.get(k);
            int end = k + 1 < markers.size() ? markers.get(k + 1) : body.size();
            Section.Role role = Section.Role.ofMarker(body.get(marker));
            Section section = section(role, body, marker + 1, end, firstLine);
            if (section == null) {
                throw error(firstLine + marker, "the " + body.get(marker).strip() + " section is empty. Write its text "
                        + "or remove the marker");
            }
            sections.add(new Section(role, section.template(), firstLine + marker));
        }
        return sections;
    }

    /** The section over {@code body[from, to)} without its leading and trailing blank lines; null when all blank. */
    private Section section(Section.Role role, List<String> body, int from, int to, int firstLine) {
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        if (from == to) {
            return null;
        }
        String text = String.join("\n", body.subList(from, to));
        return new Section(role, TemplateParser.parse(text, source, firstLine + from), firstLine + from);
    }

    private String text(FrontMatter.Entry e) {
        if (e.value() instanceof FrontMatter.Text t) {
            return t.text();
        }
        throw error(e.line(), "'" + e.key() + "' takes one value, not a list");
    }

    private List<String> texts(FrontMatter.Entry e) {
        return switch (e.value()) {
            case FrontMatter.Text t -> List.of(t.text());
            case FrontMatter.Items items -> items.items().stream().map(FrontMatter.Text::text).toList();
        };
    }

    private double number(FrontMatter.Entry e) {
        String s = unquoted(e, "a number");
        if (!NUMBER.matcher(s).matches()) {
            throw error(e.line(), "'" + e.key() + "' must be a number such as 0.7, was '" + s + "'");
        }
        return Double.parseDouble(s);
    }

    private long integer(FrontMatter.Entry e, long min, long max) {
        String s = unquoted(e, "a whole number");
        if (!INTEGER.matcher(s).matches()) {
            throw error(e.line(), "'" + e.key() + "' must be a whole number, was '" + s + "'");
        }
        try {
            long value = Long.parseLong(s);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException x) {
            throw error(e.line(), "'" + e.key() + "' is out of range: " + s);
        }
    }

    private String unquoted(FrontMatter.Entry e, String what) {
        if (e.value() instanceof FrontMatter.Text t && t.plain()) {
            return t.text();
        }
        throw error(e.line(), "'" + e.key() + "' must be " + what + (e.value() instanceof FrontMatter.Items
                ? ", not a list" : ", written without quotes"));
    }

    private PromptParseException error(int line, String detail) {
        return new PromptParseException(source, line, detail);
    }
}
