package dev.weft.eval.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses BEIR's {@code qrels/<split>.tsv}: {@code query-id<TAB>corpus-id<TAB>score} per line, under an
 * optional header. The first line is taken as the header when its third field is not a whole number, so
 * files with and without one both read. Fields are stripped of surrounding spaces.
 */
final class QrelsTsvReader {
    private QrelsTsvReader() {}

    static Qrels read(Path file) {
        Qrels.Builder builder = Qrels.builder();
        Map<String, Long> firstLineOfPair = new HashMap<>();
        try (BufferedReader reader = InputFiles.open(file)) {
            long lineNumber = 0;
            while (true) {
                LineLocation at = new LineLocation(file, lineNumber + 1);
                String line = InputFiles.readLine(reader, at);
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw at.error("has " + fields.length + " tab-separated field" + (fields.length == 1 ? "" : "s")
                            + ", expected 3: query-id, corpus-id, score");
                }
                String queryId = fields[0].strip();
                String docId = fields[1].strip();
                String score = fields[2].strip();
                Integer grade = parseGrade(score);
                if (grade == null) {
                    if (lineNumber == 1) {
                        continue; // the header, such as "query-id  corpus-id  score"
                    }
                    throw at.error("score \"" + score + "\" is not a whole number; BEIR grades are integers such as 0, 1, 2");
                }
                if (queryId.isEmpty() || docId.isEmpty()) {
                    throw at.error("has an empty " + (queryId.isEmpty() ? "query-id" : "corpus-id"));
                }
                Long first = firstLineOfPair.putIfAbsent(queryId + '\t' + docId, at.line());
                if (first != null) {
                    throw at.error("judges query '" + queryId + "' and document '" + docId + "' again (first at line "
                            + first + "); judge each pair once");
                }
                builder.add(queryId, docId, grade);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    /** The whole number {@code text} holds, or null if it holds none. */
    private static Integer parseGrade(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
