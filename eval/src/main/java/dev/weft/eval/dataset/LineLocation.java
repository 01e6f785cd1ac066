package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import java.nio.file.Path;

/** A line of an input file, for error messages that point at it: {@code /data/scifact/corpus.jsonl line 17}. */
record LineLocation(Path file, long line) {

    /** An {@link InvalidInputException} saying {@code problem} at this line. */
    InvalidInputException error(String problem) {
        return new InvalidInputException(this + ": " + problem);
    }

    /** The same, with the exception that revealed it. */
    InvalidInputException error(String problem, Throwable cause) {
        return new InvalidInputException(this + ": " + problem, cause);
    }

    @Override
    public String toString() {
        return file + " line " + line;
    }
}
