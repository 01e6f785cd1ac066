package dev.weft.core.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code .prompt} files under a directory or a class path folder, recursively, and reads their bytes;
 * each keeps where it came from so that files it names (its {@code schema_file}) are read from the same folder.
 * Files come back sorted by name so that loading is deterministic. Stateless.
 */
final class PromptFiles {
    static final String EXTENSION = ".prompt";

    private PromptFiles() {}

    /**
     * A file's name (for messages and {@link Prompt#source()}), its bytes, and the files next to it (for its
     * {@code schema_file}).
     */
    record PromptFile(String source, byte[] content, SiblingFiles siblings) {}

    /** The {@code .prompt} files under {@code directory}. */
    static List<PromptFile> inDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PromptLoadException(directory.toString(), "prompt directory " + directory.toAbsolutePath()
                    + (Files.exists(directory) ? " is not a directory" : " does not exist"));
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new PromptLoadException(directory.toString(), "cannot list prompt directory " + directory + ": " + e, e);
        }
        List<PromptFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            try {
                files.add(new PromptFile(path.toString(), Files.readAllBytes(path), SiblingFiles.inFolder(directory, path)));
            } catch (IOException e) {
                throw new PromptLoadException(path.toString(), "cannot read prompt file " + path + ": " + e, e);
            }
        }
        return files;
    }

    /**
     * The {@code .prompt} files under {@code folder} in every class path root {@code loader} sees: directories and
     * jars (including any whose URL connection is a {@link JarURLConnection}).
     */
    static List<PromptFile> onClassPath(String folder, ClassLoader loader) {
        String name = folder.replaceAll("^/+|/+$", "");
        List<URL> roots;
        try {
            roots = Collections.list(loader.getResources(name));
        } catch (IOException e) {
            throw new PromptLoadException("classpath:" + name, "cannot look up class path folder '" + name + "': " + e, e);
        }
        if (roots.isEmpty()) {
            throw new PromptLoadException("classpath:" + name, "no class path folder '" + name + "' found by " + loader
                    + ". Check the folder name; in a jar the folder needs its directory entry (Maven and Gradle write "
                    + "them); in a named module, a folder whose name is a valid package name must be opened (opens "
                    + name.replace('/', '.') + ";) or placed under META-INF/");
        }
        List<PromptFile> files = new ArrayList<>();
        for (URL root : roots) {
            files.addAll(root.getProtocol().equals("file") ? inFileRoot(root) : inJarRoot(root));
        }
        return files;
    }

    private static List<PromptFile> inFileRoot(URL root) {
        try {
            return inDirectory(Path.of(root.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PromptLoadException(root.toString(), "cannot turn class path URL " + root + " into a path: " + e, e);
        }
    }

    private static List<PromptFile> inJarRoot(URL root) {
        URLConnection connection;
        try {
            connection = root.openConnection();
        } catch (IOException e) {
            throw new PromptLoadException(root.toString(), "cannot open class path URL " + root + ": " + e, e);
        }
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new PromptLoadException(root.toString(), "cannot list the prompts under " + root + ": only directories "
                    + "and jars can be listed. Load them with PromptRegistry.builder().directory(...) or .prompt(...)");
        }
        jarConnection.setUseCaches(false);
        String entryName = jarConnection.getEntryName();
        String base = root.toString().substring(0, root.toString().length() - entryName.length());
        String prefix = entryName.endsWith("/") ? entryName : entryName + "/";
        try (JarFile jar = jarConnection.getJarFile()) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix) && entry.getName().endsWith(EXTENSION)) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(JarEntry::getName));
            List<PromptFile> files = new ArrayList<>(entries.size());
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.add(new PromptFile(base + entry.getName(), in.readAllBytes(),
                            SiblingFiles.inJar(jarConnection.getJarFileURL(), prefix, entry.getName())));
                }
            }
            return files;
        } catch (IOException e) {
            throw new PromptLoadException(root.toString(), "cannot read the prompts in " + root + ": " + e, e);
        }
    }
}
