package dev.weft.core.prompt;

import dev.weft.core.internal.Preconditions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompts an application uses, loaded once from {@code .prompt} files on the class path or in a directory
 * (see {@link Prompt} for the format) and looked up by id, for the latest version, or by id and version.
 * Immutable after {@link Builder#build()} and thread-safe; to pick up edited files, build a new registry.
 *
 * <pre>{@code
 * PromptRegistry prompts = PromptRegistry.fromClasspath("prompts");      // src/main/resources/prompts/**.prompt
 * Prompt latest = prompts.get("support.answer");
 * Prompt pinned = prompts.get("support.answer", "1.2.0");
 * List<PromptVersion> history = prompts.versions("support.answer");     // oldest first
 *
 * PromptRegistry all = PromptRegistry.builder()
 *     .classpath("prompts")
 *     .directory(Path.of("/etc/myapp/prompts"))
 *     .build();
 * }</pre>
 *
 * <p>Folders are searched recursively for files ending in {@code .prompt}; the id and version come from each file's
 * front matter, not its name, so any layout works ({@code prompts/support.answer/1.2.0.prompt} keeps versions
 * together). Two files with the same id and an equal {@link PromptVersion} are an error naming both. "Latest" is
 * the highest version in {@link PromptVersion}'s order, which ranks a pre-release below its release but above
 * earlier releases.
 *
 * <p>On the class path, folders in directories and in jars are listed (a jar needs the folder's directory entry,
 * which Maven and Gradle write). In a named module, a resource folder whose name is a valid package name, such as
 * {@code prompts}, is encapsulated: open it ({@code opens prompts;}) or keep the prompts under {@code META-INF/}.
 */
public final class PromptRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PromptRegistry.class);
    private static final int LISTED = 20;

    private final NavigableMap<String, NavigableMap<PromptVersion, Prompt>> byId;
    private final int size;

    private PromptRegistry(NavigableMap<String, NavigableMap<PromptVersion, Prompt>> byId) {
        NavigableMap<String, NavigableMap<PromptVersion, Prompt>> copy = new TreeMap<>();
        byId.forEach((id, versions) -> copy.put(id, Collections.unmodifiableNavigableMap(new TreeMap<>(versions))));
        this.byId = Collections.unmodifiableNavigableMap(copy);
        this.size = copy.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The prompts under {@code folder} on the class path of the thread's context class loader (or this class's
     * loader when there is none), across every jar and directory holding that folder.
     *
     * @throws PromptLoadException when no such folder exists, it cannot be listed, or two files clash
     * @throws PromptParseException when a file is malformed
     */
    public static PromptRegistry fromClasspath(String folder) {
        return builder().classpath(folder).build();
    }

    /**
     * The prompts under {@code directory}, searched recursively.
     *
     * @throws PromptLoadException when the directory does not exist, cannot be read, or two files clash
     * @throws PromptParseException when a file is malformed
     */
    public static PromptRegistry fromDirectory(Path directory) {
        return builder().directory(directory).build();
    }

    /**
     * A registry of prompts already parsed.
     *
     * @throws PromptLoadException when two of them have the same id and version
     */
    public static PromptRegistry of(Collection<Prompt> prompts) {
        Builder b = builder();
        Preconditions.notNull(prompts, "prompts").forEach(b::prompt);
        return b.build();
    }

    /** A builder with no sources. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The latest version of prompt {@code id}.
     *
     * @throws PromptNotFoundException listing the ids held when there is no such prompt
     */
    public Prompt get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Version {@code version} of prompt {@code id}; {@code "1.2"} finds a file that says {@code 1.2.0}.
     *
     * @throws dev.weft.core.InvalidInputException when {@code version} is not a version
     * @throws PromptNotFoundException listing the versions held when there is no such prompt or version
     */
    public Prompt get(String id, String version) {
        return get(id, PromptVersion.parse(version));
    }

    /** As {@link #get(String, String)}. */
    public Prompt get(String id, PromptVersion version) {
        return find(id, version).orElseThrow(() -> {
            if (!byId.containsKey(id)) {
                return notFound(id);
            }
            return new PromptNotFoundException("prompt '" + id + "' has no version " + version + "; its versions are "
                    + versions(id) + ". Pick one of them, or add the file for " + version);
        });
    }

    /** The latest version of prompt {@code id}, or empty when there is none. */
    public Optional<Prompt> find(String id) {
        NavigableMap<PromptVersion, Prompt> versions = byId.get(Preconditions.notNull(id, "id"));
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** Version {@code version} of prompt {@code id}, or empty when there is none. */
    public Optional<Prompt> find(String id, PromptVersion version) {
        Preconditions.notNull(version, "version");
        NavigableMap<PromptVersion, Prompt> versions = byId.get(Preconditions.notNull(id, "id"));
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The versions of prompt {@code id}, oldest first; empty when there is no such prompt. */
    public List<PromptVersion> versions(String id) {
        NavigableMap<PromptVersion, Prompt> versions = byId.get(Preconditions.notNull(id, "id"));
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    /** The ids of all prompts, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Every prompt, sorted by id, then version. */
    public List<Prompt> prompts() {
        List<Prompt> all = new ArrayList<>(size);
        byId.values().forEach(versions -> all.addAll(versions.values()));
        return List.copyOf(all);
    }

    /** How many prompts (all versions of all ids) the registry holds. */
    public int size() {
        return size;
    }

    private PromptNotFoundException notFound(String id) {
        List<String> ids = ids();
        String held = ids.size() <= LISTED ? ids.toString()
                : ids.subList(0, LISTED).toString().replace("]", ", ... " + (ids.size() - LISTED) + " more]");
        return new PromptNotFoundException("no prompt '" + id + "' in this registry, which holds " + held
                + ". Check the id in the file's front matter and where the registry loads from");
    }

    @Override
    public String toString() {
        return "PromptRegistry[" + byId.size() + " ids, " + size + " prompts]";
    }

    /**
     * Builds a {@link PromptRegistry} from any number of sources, read in the order added when {@link #build()} is
     * called. Not thread-safe.
     */
    public static final class Builder {
        private final List<Supplier<List<Prompt>>> sources = new ArrayList<>();
        private final List<String> described = new ArrayList<>();

        private Builder() {}

        /** The {@code .prompt} files under {@code folder} on the context class loader's class path. */
        public Builder classpath(String folder) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return classpath(folder, context != null ? context : PromptRegistry.class.getClassLoader());
        }

        /**
         * The {@code .prompt} files under {@code folder} on {@code loader}'s class path. A prompt's {@code schema_file}
         * must lie under {@code folder} too, in a class path directory as in a jar.
         */
        public Builder classpath(String folder, ClassLoader loader) {
            Preconditions.notBlank(folder, "folder");
            Preconditions.notNull(loader, "loader");
            described.add("classpath:" + folder);
            sources.add(() -> parseAll(PromptFiles.onClassPath(folder, loader)));
            return this;
        }

        /**
         * The {@code .prompt} files under {@code directory}, searched recursively. A prompt's {@code schema_file} must
         * lie under {@code directory} too.
         */
        public Builder directory(Path directory) {
            Preconditions.notNull(directory, "directory");
            described.add(directory.toString());
            sources.add(() -> parseAll(PromptFiles.inDirectory(directory)));
            return this;
        }

        /** One prompt already parsed. */
        public Builder prompt(Prompt prompt) {
            Preconditions.notNull(prompt, "prompt");
            described.add(prompt.source());
            sources.add(() -> List.of(prompt));
            return this;
        }

        /**
         * Reads every source and builds the registry.
         *
         * @throws dev.weft.core.InvalidInputException when no source was added
         * @throws PromptLoadException when a source cannot be read or two prompts share an id and version
         * @throws PromptParseException when a file is malformed
         */
        public PromptRegistry build() {
            Preconditions.check(!sources.isEmpty(), "a prompt registry needs a source; add classpath(...), directory(...) "
                    + "or prompt(...)");
            NavigableMap<String, NavigableMap<PromptVersion, Prompt>> byId = new TreeMap<>();
            for (Supplier<List<Prompt>> source : sources) {
                for (Prompt prompt : source.get()) {
                    Prompt clash = byId.computeIfAbsent(prompt.id(), id -> new TreeMap<>()).putIfAbsent(prompt.version(), prompt);
                    if (clash != null) {
                        throw new PromptLoadException(prompt.source(), "prompt '" + prompt.id() + "' version "
                                + prompt.version() + " is defined twice: in " + clash.source() + " (version "
                                + clash.version() + ") and in " + prompt.source() + " (version " + prompt.version()
                                + "). Give one of them a new version, or remove it");
                    }
                }
            }
            PromptRegistry registry = new PromptRegistry(byId);
            LOG.debug("loaded {} prompts with {} ids from {}", registry.size, byId.size(), described);
            return registry;
        }

        private static List<Prompt> parseAll(List<PromptFiles.PromptFile> files) {
            List<Prompt> prompts = new ArrayList<>(files.size());
            for (PromptFiles.PromptFile file : files) {
                prompts.add(PromptParser.parse(file.source(), file.content(), file.siblings()));
            }
            return prompts;
        }
    }
}
