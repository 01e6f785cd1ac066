package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regular files under a directory whose paths, relative to it, match an include glob and no exclude glob.
 * Each file's document id is its path relative to the root with {@code /} separators ({@code guides/setup.md});
 * its location is the root joined with that path, as the root was given. Entries are listed in ascending order of
 * id, so runs are deterministic. Symbolic links are not followed. Thread-safe.
 *
 * <p>Globs use {@link FileSystem#getPathMatcher} syntax ({@code *}, {@code **}, {@code ?}, {@code {a,b}},
 * {@code [a-z]}) on relative paths; a leading <code>**&#47;</code> also matches files at the root itself, so
 * <code>**&#47;*.md</code> takes {@code README.md} as well as {@code docs/guide.md}.
 *
 * <pre>
 * DocumentSource docs = DirectorySource.builder(Path.of("handbook"))
 *     .include("**&#47;*.{md,txt,html,pdf}")
 *     .exclude("drafts/**")
 *     .build();
 * </pre>
 */
public final class DirectorySource implements DocumentSource {
    private final Path root;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final String description;

    private DirectorySource(Path root, List<PathMatcher> includes, List<PathMatcher> excludes, String description) {
        this.root = root;
        this.includes = includes;
        this.excludes = excludes;
        this.description = description;
    }

    /** A builder for the tree under {@code root}; by default every regular file is included. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** The directory this source walks. */
    public Path root() {
        return root;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException if the root or any directory under it cannot be read: a partial listing would make the
     *     pipeline delete the documents it could not see
     */
    @Override
    public List<SourceEntry> list() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("document source root " + root + " is not a readable directory");
        }
        List<SourceEntry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    Path relative = root.relativize(file);
                    if (matches(includes, relative) && !matches(excludes, relative)) {
                        entries.add(new FileEntry(toId(relative), file));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(SourceEntry::id));
        return entries;
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static String toId(Path relative) {
        StringBuilder id = new StringBuilder();
        for (Path part : relative) {
            if (!id.isEmpty()) {
                id.append('/');
            }
            id.append(part);
        }
        return id.toString();
    }

    @Override
    public String toString() {
        return description;
    }

    /** A file of the tree. */
    private record FileEntry(String id, Path path) implements SourceEntry {
        @Override
        public String location() {
            return path.toString();
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(path);
        }
    }

    /** Builds {@link DirectorySource}. Not thread-safe. */
    public static final class Builder {
        private final Path root;
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();

        private Builder(Path root) {
            this.root = root;
        }

        /** Globs a file's relative path must match one of; {@code **} (everything) when none is given. */
        public Builder include(String... globs) {
            includes.addAll(List.of(globs));
            return this;
        }

        /** Globs whose matches are left out, even when included. */
        public Builder exclude(String... globs) {
            excludes.addAll(List.of(globs));
            return this;
        }

        /**
         * The source.
         *
         * @throws dev.weft.core.InvalidInputException if the root is null or a glob is blank or malformed
         */
        public DirectorySource build() {
            Preconditions.notNull(root, "DirectorySource root");
            FileSystem fs = root.getFileSystem();
            List<String> in = includes.isEmpty() ? List.of("**") : List.copyOf(includes);
            return new DirectorySource(root, compile(fs, in, "include"), compile(fs, excludes, "exclude"),
                    "DirectorySource[root=" + root + ", include=" + in + ", exclude=" + excludes + "]");
        }

        private static List<PathMatcher> compile(FileSystem fs, List<String> globs, String option) {
            List<PathMatcher> matchers = new ArrayList<>();
            for (String glob : globs) {
                Preconditions.notBlank(glob, "DirectorySource " + option + " glob");
                try {
                    matchers.add(fs.getPathMatcher("glob:" + glob));
                    if (glob.startsWith("**/")) {
                        matchers.add(fs.getPathMatcher("glob:" + glob.substring(3)));
                    }
                } catch (IllegalArgumentException e) { // PatternSyntaxException is one
                    throw new dev.weft.core.InvalidInputException("DirectorySource " + option + " glob '" + glob
                            + "' is malformed: " + e.getMessage(), e);
                }
            }
            return List.copyOf(matchers);
        }
    }
}
