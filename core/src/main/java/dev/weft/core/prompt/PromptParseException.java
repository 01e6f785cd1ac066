package dev.weft.core.prompt;

/**
 * A {@code .prompt} file is malformed: its front matter breaks the documented subset, a value has the wrong type,
 * a variable tag is not well formed, or the declared variables do not match the body. The message reads like a
 * compiler's, {@code <source>:<line>: <what is wrong>. <what to do>}; {@link #line()} is the 1-based line in the
 * file, or 0 when the fault is the file as a whole (it is not UTF-8, it is empty).
 */
public class PromptParseException extends PromptLoadException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public PromptParseException(String source, int line, String detail) {
        super(source, (line > 0 ? source + ":" + line : source) + ": " + detail);
        this.line = line;
    }

    /** The 1-based line at fault, or 0 when the fault is not on one line. */
    public int line() {
        return line;
    }
}
