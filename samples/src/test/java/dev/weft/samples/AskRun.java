package dev.weft.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One in-process run of {@code weft ask}: its exit code and what it printed, with the printed answer and sources
 * read back out of the output's layout (the index line, a blank line, the answer, a blank line, a "Sources" heading,
 * then one {@code "  [n] citation"} line per cited source).
 */
record AskRun(int exitCode, String out, String err) {
    private static final Pattern SOURCE_LINE = Pattern.compile("^  \\[(\\d+)] (.+)$");

    /** Runs {@code weft ask --docs docs --index index [extra...] question}. */
    static AskRun ask(Path docs, Path index, String question, String... extra) {
        List<String> args = new ArrayList<>(List.of("ask", "--docs", docs.toString(), "--index", index.toString()));
        args.addAll(List.of(extra));
        args.add(question);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeftCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        return new AskRun(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    /** The answer as printed: the text between the index line and the "Sources" heading, trimmed. */
    String answer() {
        int start = out.indexOf("\n\n");
        int end = out.lastIndexOf("\n\nSources");
        if (start < 0 || end < start) {
            throw new AssertionError("no answer section in the output:\n" + out);
        }
        return out.substring(start, end).strip();
    }

    /** The "Sources" heading line as printed. */
    String sourcesHeading() {
        return out.lines().filter(l -> l.startsWith("Sources")).findFirst()
                .orElseThrow(() -> new AssertionError("no Sources heading in the output:\n" + out));
    }

    /** The printed sources, number to citation, in printed order. */
    Map<Integer, String> sources() {
        String tail = out.substring(out.indexOf(sourcesHeading()) + sourcesHeading().length());
        Map<Integer, String> sources = new LinkedHashMap<>();
        for (String line : tail.lines().filter(l -> !l.isBlank()).toList()) {
            Matcher m = SOURCE_LINE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a source line: '" + line + "' in the output:\n" + out);
            }
            sources.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return sources;
    }

    /** Copies the folder {@code from} to {@code to}, as a fresh folder of documents to ingest. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
