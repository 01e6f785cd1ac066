package dev.weft.core.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads files named relative to a prompt file's folder, such as its {@code schema_file}: in a directory, in a jar,
 * or nowhere, for a prompt parsed from text. Names use {@code /} as the separator and may climb with {@code ..};
 * absolute names are refused. A registry's files are confined to the folder it loads ({@link #inFolder},
 * {@link #inJar}), checked on the normalised name (a symbolic link inside the folder is followed): prompt folders are
 * often edited apart from the code, and a schema file's JSON is sent to the model provider, so a prompt must not be
 * able to name any file the process can read. Confining the directory and the jar to the same folder also makes a
 * prompt that loads in development load from the jar. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
interface SiblingFiles {
    /** A file's name, for messages, and its bytes. */
    record SiblingFile(String source, byte[] content) {}

    /**
     * Reads the file {@code name} resolves to.
     *
     * @throws PromptLoadException naming where it looked when the file is missing or cannot be read, or when
     *     {@code name} is absolute
     */
    SiblingFile read(String name);

    /** For a prompt parsed from text: every read fails, saying why. */
    static SiblingFiles none(String promptSource) {
        return name -> {
            throw new PromptLoadException(promptSource, "cannot read '" + name + "': the prompt was parsed from text, "
                    + "so it has no folder to find files in. Load it with Prompt.read(path) or a PromptRegistry, or put "
                    + "the schema inline");
        };
    }

    /**
     * Next to {@code promptFile} in the file system, anywhere the name leads: for a file the application names itself
     * ({@link Prompt#read}).
     */
    static SiblingFiles nextTo(Path promptFile) {
        return inFileSystem(promptFile, null);
    }

    /** Next to {@code promptFile}, which lies in {@code root}, and inside {@code root}: for a registry's folder. */
    static SiblingFiles inFolder(Path root, Path promptFile) {
        return inFileSystem(promptFile, root.toAbsolutePath().normalize());
    }

    private static SiblingFiles inFileSystem(Path promptFile, Path root) {
        Path folder = promptFile.toAbsolutePath().getParent();
        return name -> {
            Path file;
            try {
                file = folder.resolve(String.join("/", relative(name, promptFile.toString()))).normalize();
            } catch (InvalidPathException e) {
                throw new PromptLoadException(promptFile.toString(), "'" + name + "' is not a file name here ("
                        + e.getReason() + "). Name the file relative to the prompt file's folder, such as answer.schema.json", e);
            }
            if (root != null && !file.startsWith(root)) {
                throw new PromptLoadException(promptFile.toString(), leaves(name, root.toString()));
            }
            try {
                return new SiblingFile(file.toString(), Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new PromptLoadException(file.toString(), "'" + name + "' not found: no file " + file);
            } catch (IOException e) {
                throw new PromptLoadException(file.toString(), "cannot read " + file + ": " + e, e);
            }
        };
    }

    /**
     * Next to entry {@code promptEntry} of the jar at {@code jarFile} (a URL such as {@code file:/app/lib.jar}), and
     * inside the registry's {@code folder} of that jar ({@code prompts/}; empty for the whole jar), which holds
     * {@code promptEntry}.
     */
    static SiblingFiles inJar(URL jarFile, String folder, String promptEntry) {
        int floor = relative(folder, folder).size();
        return name -> {
            Deque<String> path = new ArrayDeque<>(relative(promptEntry, promptEntry));
            path.removeLast();
            for (String segment : relative(name, promptEntry)) {
                if (segment.equals("..")) {
                    if (path.size() <= floor) {
                        throw new PromptLoadException("jar:" + jarFile + "!/" + promptEntry,
                                leaves(name, "jar:" + jarFile + "!/" + folder));
                    }
                    path.removeLast();
                } else {
                    path.addLast(segment);
                }
            }
            String entry = String.join("/", path);
            String source = "jar:" + jarFile + "!/" + entry;
            try {
                URI uri = new URI("jar:" + jarFile.toExternalForm() + "!" + new URI(null, null, "/" + entry, null).getRawPath());
                URLConnection connection = uri.toURL().openConnection();
                connection.setUseCaches(false);
                try (InputStream in = connection.getInputStream()) {
                    return new SiblingFile(source, in.readAllBytes());
                }
            } catch (URISyntaxException e) {
                throw new PromptLoadException(source, "cannot name '" + name + "' in jar " + jarFile + ": " + e, e);
            } catch (IOException e) {
                throw new PromptLoadException(source, "'" + name + "' not found or unreadable: " + source + " (" + e + ")", e);
            }
        };
    }

    private static String leaves(String name, String folder) {
        return "'" + name + "' leaves the folder " + folder + " that the prompts are loaded from. A registry reads "
                + "files only inside its folder: move the file into it, or load this prompt with Prompt.read(path)";
    }

    /** {@code name}'s segments without {@code .} and empty ones; refuses absolute names. */
    private static Deque<String> relative(String name, String promptSource) {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("[A-Za-z]:.*")) {
            throw new PromptLoadException(promptSource, "'" + name + "' is absolute. Name the file relative to the "
                    + "prompt file's folder, such as answer.schema.json or ../schemas/answer.json");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : name.split("[/\\\\]")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments;
    }
}
