package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening and reading the text files of a dataset, with errors that name the file and line. */
final class InputFiles {
    private InputFiles() {}

    /** Throws {@link InvalidInputException} unless {@code file} is a readable regular file; {@code role} says what it should hold. */
    static Path requireFile(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no " + role + " at " + file
                    + (Files.exists(file) ? " (it exists but is not a regular file)" : "")
                    + "; a BEIR dataset folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(role + " at " + file + " is not readable by this process; check its permissions");
        }
        return file;
    }

    /** A UTF-8 reader of {@code file} that reports malformed bytes rather than replacing them. */
    static BufferedReader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next line of {@code reader}, or null at its end.
     *
     * @param at the location of the line about to be read, for the error when it is not UTF-8
     */
    static String readLine(BufferedReader reader, LineLocation at) {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw at.error("is not valid UTF-8 (" + e + "); BEIR files are UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + at + ": " + e.getMessage(), e);
        }
    }

    /** Closes {@code reader}, turning a failure into an unchecked one. */
    static void close(BufferedReader reader, Path file) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
