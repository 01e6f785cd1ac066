package dev.weft.core.prompt;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.internal.Preconditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeSet;

/**
 * A versioned prompt, parsed from a {@code .prompt} file: front matter that names it and sets model parameters,
 * and a body of one or more message templates with named variables. Rendering is strict: it needs exactly the
 * prompt's variables, and it stamps {@link RequestContext#PROMPT_ID}, {@link RequestContext#PROMPT_VERSION} and
 * {@link RequestContext#PROMPT_HASH} on the request so that traces say which prompt produced it. Immutable and
 * thread-safe.
 *
 * <h2>The file</h2>
 * <pre>{@code
 * ---
 * id: support.answer
 * version: 1.2.0
 * description: "Answers a support question in one paragraph"
 * model: openai:gpt-4o-mini
 * temperature: 0.2
 * max_tokens: 300
 * stop: ["\n\n\n", END]
 * variables: [product, question]
 * ---
 * [system]
 * You support users of {{product}}. Answer in one paragraph; reply with JSON like {"answer": "..."}.
 *
 * [user]
 * {{ question }}
 * }</pre>
 *
 * <p><b>Front matter</b> sits between two {@code ---} lines at the top of the file. It is a flat subset of YAML:
 * one {@code key: value} per line, comments with {@code #}, values plain, {@code "double-quoted"} (JSON escapes)
 * or {@code 'single-quoted'}, and lists written on one line as {@code [a, "b"]}. A value of several lines is a
 * <em>block scalar</em>: {@code key: |} (literal: line breaks kept) or {@code key: >} (folded: the lines of a
 * paragraph joined with spaces, blank lines kept as line breaks, more-indented lines kept as they are), then the
 * value's lines below the key, indented with spaces. The block's indentation is its first non-blank line's and is
 * removed from every line; the block ends at the first non-blank line that starts at column 1; inside it {@code #}
 * is text; the value ends with exactly one line break (YAML's default "clip" chomping). An empty block, a tab in the
 * indentation and a line indented less than the first are errors. Nesting, block lists, flow maps and the block
 * indicators {@code |-}, {@code |+}, {@code |2} are refused with an error naming the line. The keys:
 * <ul>
 *   <li>{@code id} (required): letters, digits, {@code .}, {@code _}, {@code -};</li>
 *   <li>{@code version} (required): see {@link PromptVersion}; read as written ({@code 1.10} is not {@code 1.1});</li>
 *   <li>{@code description}; {@code model}, a model id or reference ({@link #model()}) for the application to
 *       choose its model by — a {@link ChatRequest} names no model;</li>
 *   <li>{@code temperature}, {@code top_p}, {@code top_k}, {@code max_tokens}, {@code seed}, {@code stop} (one text
 *       or a list), {@code repetition_penalty}: the request's {@link Sampling}; numbers are written plain;</li>
 *   <li>{@code response_format}: {@code text} (default), {@code json} (any JSON), or {@code json_schema} (JSON matching
 *       a schema, {@link ResponseFormat.JsonSchema}), which takes the keys below;</li>
 *   <li>{@code schema}: the JSON Schema, inline, usually as a literal block; or {@code schema_file}: the name of a
 *       file holding it (UTF-8), relative to the prompt file's folder ({@code /} separated, {@code ..} allowed,
 *       never absolute), read from the same directory or jar as the prompt. A {@link PromptRegistry} reads it only
 *       inside the folder it loads (the directory, or the class path folder, in a directory as in a jar): prompt
 *       folders are often edited apart from the code, and the schema is sent to the model provider, so a prompt must
 *       not name just any file the process can read. {@link #read(Path)}, given one file by the application, may
 *       climb out of its folder. Exactly one of the two. A prompt parsed
 *       from text ({@link #parse(String, String)}) has no folder, so it can only use {@code schema}. The schema is
 *       parsed when the prompt is loaded: it must be JSON without duplicate keys, an object, and valid against the
 *       meta-schema its {@code $schema} names (draft-04, -06, -07, 2019-09 or 2020-12; 2020-12, the dialect of
 *       OpenAI's structured outputs, when it names none), {@code pattern}s included; every {@code $ref} must resolve
 *       inside the schema, as nothing is fetched. Errors name the prompt file and line (for a literal block, the line
 *       inside the block, for JSON syntax; the {@code schema} key's line otherwise), or the schema file (and its line,
 *       for JSON syntax), and for an invalid schema the JSON pointer of the bad node with the validator's message;</li>
 *   <li>{@code schema_name}: the name providers require, 1 to 64 of {@code [A-Za-z0-9_-]}; default: the id with
 *       every other character replaced by {@code _} ({@code support.answer} → {@code support_answer}), cut to 64;</li>
 *   <li>{@code strict}: {@code true} (default) or {@code false}, whether the provider must follow the schema exactly;</li>
 *   <li>{@code variables}: a list of the variable names the body uses; optional, but when present it must match the
 *       body exactly, which catches a misspelt variable at load time;</li>
 *   <li>keys starting with {@code x-}: free text kept in {@link #metadata()}. Any other key is an error.</li>
 * </ul>
 *
 * <p>Structured output with the schema inline:
 * <pre>{@code
 * ---
 * id: support.triage
 * version: 1.0.0
 * description: >
 *   Sorts a support ticket
 *   into a queue.
 * response_format: json_schema
 * strict: false
 * schema: |
 *   {
 *     "type": "object",
 *     "properties": {"queue": {"type": "string", "enum": ["billing", "bugs", "other"]}},
 *     "required": ["queue"]
 *   }
 * ---
 * Sort this ticket: {{ticket}}
 * }</pre>
 * or in a file next to the prompt, {@code schema_file: answer.schema.json} in place of {@code schema}. Either way
 * {@link #render(Map)} puts the {@link ResponseFormat.JsonSchema} on the request, and the OpenAI provider sends it as
 * {@code response_format: {type: json_schema, json_schema: {name, schema, strict}}}.
 *
 * <p><b>The body</b> follows the closing {@code ---}. A line that is exactly {@code [system]}, {@code [user]} or
 * {@code [assistant]} (trailing blanks allowed) starts a message with that role, so a body can hold a system
 * prompt, few-shot examples and the user turn. Without any marker the whole body is one user message. Blank
 * lines at the start and end of each message are dropped; an empty message, or text before the first marker, is an
 * error. A line holding a marker can only be written literally by indenting it.
 *
 * <p><b>Variables</b> are written {@code {{name}}} or {@code {{ name }}}; names are letters, digits and {@code _},
 * not starting with a digit. A <code>{{</code> followed by a name must complete a well-formed tag, or loading fails with
 * the line and column. Every other brace is literal, so JSON examples need no escaping. To write a tag literally,
 * put a backslash before it: {@code \{{name}}} renders {@code {{name}}}. In a run of backslashes right before a tag,
 * each pair renders one backslash ({@code \\{{name}}} is a backslash followed by the value); backslashes anywhere else
 * are literal. Values are inserted as they are, never expanded again.
 *
 * <p><b>The hash</b> ({@link #hash()}) is the hex SHA-256 of the file's text as UTF-8, after dropping a leading
 * byte order mark and turning every line ending into {@code \n}, so that checkouts with CRLF line endings hash
 * alike. For a UTF-8 file with {@code \n} endings and no byte order mark it equals {@code sha256sum file}. An inline
 * schema is part of the file, so it is covered. With a {@code schema_file}, the hash covers that file too: it is the
 * SHA-256 of the two files' hashes (each taken as above), in hex, each followed by {@code \n}: for files in canonical
 * form, {@code (sha256sum a.prompt; sha256sum a.schema.json) | cut -d' ' -f1 | sha256sum}. Editing either file
 * changes the hash, and so the {@link RequestContext#PROMPT_HASH} on traces.
 *
 * <h2>Rendering</h2>
 * <pre>{@code
 * Prompt prompt = registry.get("support.answer");
 * ChatRequest request = prompt.render(Map.of("product", "Weft", "question", question),
 *         RequestContext.builder().userId("u-42").build());
 * // or keep adding messages (history, tools) before building:
 * ChatRequest withHistory = prompt.requestBuilder(variables, context).messages(history).build();
 * }</pre>
 */
public final class Prompt {
    private final String id;
    private final PromptVersion version;
    private final String description;
    private final String model;
    private final Sampling sampling;
    private final ResponseFormat responseFormat;
    private final SequencedSet<String> variables;
    private final Map<String, String> metadata;
    private final String hash;
    private final String source;
    private final List<Section> sections;

    Prompt(String id, PromptVersion version, String description, String model, Sampling sampling,
            ResponseFormat responseFormat, SequencedSet<String> variables, Map<String, String> metadata, String hash,
            String source, List<Section> sections) {
        this.id = id;
        this.version = version;
        this.description = description;
        this.model = model;
        this.sampling = sampling;
        this.responseFormat = responseFormat;
        this.variables = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(variables));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.hash = hash;
        this.source = source;
        this.sections = List.copyOf(sections);
    }

    /**
     * Parses the text of a {@code .prompt} file.
     *
     * @param source how to name the file in error messages, such as its path
     * @throws PromptParseException when the text is not a well-formed prompt
     */
    public static Prompt parse(String source, String text) {
        return PromptParser.parse(Preconditions.notNull(source, "source"), Preconditions.notNull(text, "text"));
    }

    /**
     * Parses the bytes of a {@code .prompt} file, which must be UTF-8.
     *
     * @param source how to name the file in error messages, such as its path
     * @throws PromptParseException when the bytes are not UTF-8 or not a well-formed prompt
     */
    public static Prompt parse(String source, byte[] content) {
        return PromptParser.parse(Preconditions.notNull(source, "source"), Preconditions.notNull(content, "content"));
    }

    /**
     * Reads and parses one {@code .prompt} file; its {@code schema_file}, if any, is read from the file's folder.
     *
     * @throws PromptLoadException when the file cannot be read
     * @throws PromptParseException when it is not a well-formed prompt
     */
    public static Prompt read(Path file) {
        Preconditions.notNull(file, "file");
        try {
            return PromptParser.parse(file.toString(), Files.readAllBytes(file), SiblingFiles.nextTo(file));
        } catch (IOException e) {
            throw new PromptLoadException(file.toString(), "cannot read prompt file " + file + ": " + e, e);
        }
    }

    /** The prompt's id, shared by all its versions. */
    public String id() {
        return id;
    }

    /** This version of the prompt. */
    public PromptVersion version() {
        return version;
    }

    /** What the prompt is for; empty when the file has no description. */
    public String description() {
        return description;
    }

    /** The {@code model} the file names, for the application to pick its model by; empty when it names none. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** The sampling parameters of the front matter; {@link Sampling#DEFAULTS} where it sets none. */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * The response format of the front matter: {@link ResponseFormat#TEXT} by default, {@link ResponseFormat#JSON}, or
     * a {@link ResponseFormat.JsonSchema} holding the parsed schema, its name and strictness.
     */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** The variables rendering needs: in the order of the {@code variables} key if present, else of first use. */
    public SequencedSet<String> variables() {
        return variables;
    }

    /** The {@code x-} keys of the front matter and their values, in file order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The content hash: hex SHA-256 of the file's canonical text, and of its schema file's (see the class description). */
    public String hash() {
        return hash;
    }

    /** Where the prompt was read from: a path, a URL, or the name given to {@link #parse(String, String)}. */
    public String source() {
        return source;
    }

    /**
     * The body's messages with {@code variables} filled in.
     *
     * @param variables a value for each of {@link #variables()} and nothing else; values are turned into text
     *     with {@link String#valueOf(Object)}
     * @throws PromptRenderException naming every missing ({@code null} counts as missing) and unexpected variable
     */
    public List<Message> messages(Map<String, ?> variables) {
        Map<String, String> values = values(Preconditions.notNull(variables, "variables"));
        List<Message> messages = new ArrayList<>(sections.size());
        for (Section section : sections) {
            messages.add(section.render(values));
        }
        return List.copyOf(messages);
    }

    /** A request with the rendered messages, this prompt's sampling and response format, and the prompt attributes. */
    public ChatRequest render(Map<String, ?> variables) {
        return render(variables, RequestContext.EMPTY);
    }

    /** As {@link #render(Map)}, for the caller's {@code context}, to which the prompt attributes are added. */
    public ChatRequest render(Map<String, ?> variables, RequestContext context) {
        return requestBuilder(variables, context).build();
    }

    /**
     * A request builder holding what {@link #render(Map, RequestContext)} would build, to add conversation history,
     * tools or the user's turn before building.
     */
    public ChatRequest.Builder requestBuilder(Map<String, ?> variables, RequestContext context) {
        return ChatRequest.builder()
                .messages(messages(variables))
                .sampling(sampling)
                .responseFormat(responseFormat)
                .context(stamp(context));
    }

    /**
     * {@code context} with {@link RequestContext#PROMPT_ID}, {@link RequestContext#PROMPT_VERSION} and
     * {@link RequestContext#PROMPT_HASH} set to this prompt's; every other field and attribute is kept, and the
     * prompt's values replace any the context already had for those three keys.
     */
    public RequestContext stamp(RequestContext context) {
        RequestContext base = context == null ? RequestContext.EMPTY : context;
        return base.withAttribute(RequestContext.PROMPT_ID, id)
                .withAttribute(RequestContext.PROMPT_VERSION, version.toString())
                .withAttribute(RequestContext.PROMPT_HASH, hash);
    }

    private Map<String, String> values(Map<String, ?> given) {
        Map<String, String> values = new HashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String name : variables) {
            Object value = given.get(name);
            if (value == null) {
                missing.add(name);
            } else {
                values.put(name, String.valueOf(value));
            }
        }
        TreeSet<String> unexpected = new TreeSet<>();
        for (Object key : given.keySet()) {
            if (!(key instanceof String name && variables.contains(name))) {
                unexpected.add(String.valueOf(key));
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot render prompt '").append(id).append("' ").append(version)
                    .append(" (").append(source).append("):");
            if (!missing.isEmpty()) {
                message.append(" missing variables ").append(missing).append(unexpected.isEmpty() ? "." : ";");
            }
            if (!unexpected.isEmpty()) {
                message.append(" unexpected variables ").append(unexpected).append('.');
            }
            message.append(" Pass exactly its variables ").append(variables);
            throw new PromptRenderException(message.toString(), id, List.copyOf(missing), List.copyOf(unexpected));
        }
        return values;
    }

    /** {@code id@version (source, sha256 first 12 hex digits)}. */
    @Override
    public String toString() {
        return id + "@" + version + " (" + source + ", sha256 " + hash.substring(0, 12) + ")";
    }
}
