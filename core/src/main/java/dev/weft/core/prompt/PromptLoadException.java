package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;

/**
 * Prompts could not be loaded: a folder or file is missing or unreadable, a class path location cannot be listed,
 * or two files declare the same id and version. {@link #source()} names the file, folder or URL at fault. Not
 * retryable: fix the files or the location. A malformed file raises the subtype {@link PromptParseException}.
 */
public class PromptLoadException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final String source;

    public PromptLoadException(String source, String message) {
        super(message);
        this.source = source;
    }

    public PromptLoadException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** The file, folder or URL at fault, as it was named when loading. */
    public String source() {
        return source;
    }
}
